// Picks a backend by name. The native addon is loaded only when asked for, so the wasm-only
// extension bundle never touches it.
import type { BackendName, ParserBackend } from './backend';
import { createNativeBackend } from './backend-native';
import { createWasmBackend } from './backend-wasm';

export async function createBackend(name: BackendName = 'native'): Promise<ParserBackend> {
  // Native hands big Go files to a wasm parser (ParserBackend.bigFiles): Go's grammar is all it loads.
  return name === 'wasm' ? createWasmBackend() : createNativeBackend(await createWasmBackend(['go']));
}
