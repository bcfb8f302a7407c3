// First: the engine worker (and DuckDB-WASM in it) starts while everything below loads.
import './engine/shared-engine';
import './styles/global.css';
import './app-shell';
import { maxFileBytesFrom } from './data/file-limit';
import { keptBytesFrom } from './state/kept-files';

// Test hook: `?maxFileMB=1` lowers the largest file the workbench reads (never raises it), so the
// e2e tests can check that a file over the limit is refused without making a 600 MB file.
const app = document.querySelector('allot-app');
if (app) {
  app.maxFileBytes = maxFileBytesFrom(location.search);
  app.keptFilesBytes = keptBytesFrom(location.search);
}
