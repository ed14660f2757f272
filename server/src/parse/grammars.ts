// The wasm grammars in grammars/ and their manifest (package, version, sha256). A missing or
// corrupt grammar is reported with its file name, never as a bare wasm error.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from './backend';
import { resourceRoot } from './resources';

export interface GrammarEntry { lang: Lang; file: string; package: string; version: string; sha256: string }

export function grammarManifest(): GrammarEntry[] {
  const file = path.join(resourceRoot(), 'grammars', 'manifest.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).grammars as GrammarEntry[];
}

/** Reads a grammar's wasm bytes and checks them against the manifest. */
export function loadGrammarBytes(lang: Lang): Uint8Array {
  const entry = grammarManifest().find((g) => g.lang === lang);
  if (!entry) throw new Error(`g0guard: grammars/manifest.json has no entry for ${lang}`);
  const file = path.join(resourceRoot(), 'grammars', entry.file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new Error(`g0guard: grammar file ${file} cannot be read: ${(e as Error).message}`);
  }
  const sum = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sum !== entry.sha256) {
    throw new Error(`g0guard: grammar file ${file} is corrupt (sha256 ${sum.slice(0, 12)}…, manifest says ${entry.sha256.slice(0, 12)}…)`);
  }
  return bytes;
}
