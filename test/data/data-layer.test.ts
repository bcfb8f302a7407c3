import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { createWasmNodeDatabase } from '../../src/data/adapters/wasm-node';
import { testDataLayer } from '../contract/data-layer-contract';

testDataLayer('native DuckDB (CLI)', createNativeDatabase);
testDataLayer('DuckDB-WASM in Node', createWasmNodeDatabase);
