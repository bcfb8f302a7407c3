import { createBrowserDatabase } from '../../src/data/adapters/wasm-browser';
import { testDataLayer } from '../contract/data-layer-contract';

testDataLayer('DuckDB-WASM in Chromium', createBrowserDatabase);
