import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { createWasmNodeDatabase } from '../../src/data/adapters/wasm-node';
import type { OpenDatabase } from './stages';

export const NODE_RUNTIMES = {
  'native-node': createNativeDatabase,
  'wasm-node': createWasmNodeDatabase,
} satisfies Record<string, OpenDatabase>;
