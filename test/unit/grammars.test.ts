// The wasm grammars match their manifest and the installed grammar packages; every query file
// compiles on both backends; a corrupt grammar is reported with its file name.
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { grammarManifest } from '../../server/src/parse/grammars';
import { createBackend } from '../../server/src/parse/create-backend';
import { queryFiles, resourceRoot } from '../../server/src/parse/resources';
import { tempDir } from '../harness/temp-workspace';

test('grammars/manifest.json matches the wasm files and the installed packages', () => {
  for (const g of grammarManifest()) {
    const bytes = fs.readFileSync(path.join(resourceRoot(), 'grammars', g.file));
    assert.equal(crypto.createHash('sha256').update(bytes).digest('hex'), g.sha256, g.file);
    const installed = JSON.parse(fs.readFileSync(require.resolve(`${g.package}/package.json`), 'utf8')).version;
    assert.equal(g.version, installed, `${g.file} is from ${g.package}@${g.version}; run node scripts/sync-grammars.mjs`);
  }
});

test('every .scm query compiles on both backends', async () => {
  const expected = ['go', 'c', 'cpp'].flatMap((l) => queryFiles(l).map((q) => `${l}/${q.name}`));
  assert.ok(expected.length >= 8);
  for (const name of ['native', 'wasm'] as const) {
    const b = await createBackend(name);
    assert.deepEqual(b.compileAllQueries(), expected, name);
  }
});

test('a corrupt grammar file fails with a message naming it', async () => {
  const root = tempDir('g0guard-res-');
  fs.cpSync(path.join(resourceRoot(), 'grammars'), path.join(root, 'grammars'), { recursive: true });
  fs.cpSync(path.join(resourceRoot(), 'server', 'queries'), path.join(root, 'server', 'queries'), { recursive: true });
  fs.writeFileSync(path.join(root, 'grammars', 'tree-sitter-go.wasm'), 'not wasm');
  const script = `process.env.G0GUARD_RESOURCES=${JSON.stringify(root)};require(${JSON.stringify(require.resolve('../../server/src/parse/create-backend'))}).createBackend('wasm').then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(3)})`;
  const r = require('node:child_process').spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 3);
  assert.match(r.stderr, /tree-sitter-go\.wasm is corrupt/);
});
