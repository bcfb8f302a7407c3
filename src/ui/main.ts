// First: DuckDB-WASM starts while everything below loads (see start-database.ts).
import './data/start-database';
import './styles/global.css';
import './app-shell';
import { maxFileBytesFrom } from './data/file-limit';

// Test hook: `?maxFileMB=1` lowers the largest file the workbench reads (never raises it), so the
// e2e tests can check that a file over the limit is refused without making a 600 MB file.
const app = document.querySelector('allot-app');
if (app) app.maxFileBytes = maxFileBytesFrom(location.search);
