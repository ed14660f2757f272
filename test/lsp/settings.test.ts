// Settings: the `g0guard` section from workspace/configuration, merged with `.g0guard.json` (the
// editor's explicit values win, the file fills the rest), re-applied on didChangeConfiguration and
// when the file changes; bad values are reported on the file and fall back to defaults.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, LspClient, uri } from '../harness/lsp-client';

const codes = (ds: { code?: unknown }[]) => ds.map((d) => String(d.code)).sort();

async function start(dir: string, settings: unknown): Promise<LspClient> {
  const client = await LspClient.forTest({ folders: [dir], settings }, dir);
  await client.indexed();
  return client;
}

describe('settings', () => {
  it('workspace/configuration turns a rule off, and didChangeConfiguration turns it back on', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'export-reenters-c-directly');
    const client = await start(dir, { rules: { 'cgo-callback-recursion': 'off' } });
    const main = path.join(dir, 'main.go');
    await client.open(main);
    assert.deepEqual(await client.diagnostics(main), []);
    client.settings = { rules: { 'cgo-callback-recursion': 'warning' } };
    await client.notification('workspace/didChangeConfiguration', { settings: null });
    const ds = await client.diagnostics(main, (d) => d.length === 1);
    assert.equal(ds[0].severity, 2, 'the severity comes from the setting');
  });

  it('.g0guard.json applies, the editor’s explicit values win over it, and its problems show on it', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'depth-bound-too-large');
    const configFile = path.join(dir, '.g0guard.json');
    // A budget big enough for a million levels clears the finding; "colour" is not a key.
    fs.writeFileSync(configFile, JSON.stringify({ stackBudgetBytes: 1e12, colour: 'blue' }));
    const client = await start(dir, {});
    const main = path.join(dir, 'main.go');
    await client.open(main);
    assert.deepEqual(await client.diagnostics(main), []);
    const onFile = await client.diagnostics(configFile, (d) => d.length > 0);
    assert.match(onFile[0].message, /unknown key "colour"/);

    // A root that names no function is a warning on the file too.
    fs.writeFileSync(configFile, JSON.stringify({ stackBudgetBytes: 1e12, systemStackRoots: ['main.noSuchRoot'] }));
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(configFile), type: 2 }] });
    const unmatched = await client.diagnostics(configFile, (d) => d.some((x) => /noSuchRoot/.test(x.message)));
    assert.equal(unmatched.find((x) => /noSuchRoot/.test(x.message))!.severity, 2);
    assert.match(unmatched.find((x) => /noSuchRoot/.test(x.message))!.message, /"main\.noSuchRoot" matches no function of the checked packages/);

    client.settings = { stackBudgetBytes: 8388608 };
    await client.notification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await client.diagnostics(main, (d) => d.length === 1)), ['cgo-callback-recursion']);
  });

  it('re-reads .g0guard.json when the client reports it changed', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await start(dir, null);
    const file = path.join(dir, 'export.go');
    await client.diagnostics(file, (d) => d.length === 1);
    const configFile = path.join(dir, '.g0guard.json');
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'export-panic': 'off' } }));
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(configFile), type: 1 }] });
    assert.deepEqual(await client.diagnostics(file, (d) => d.length === 0), []);
  });

  it('a .g0guard.json that is not JSON gets an error where the parse stopped, and the defaults apply', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const configFile = path.join(dir, '.g0guard.json');
    fs.writeFileSync(configFile, '{\n  "rules": {"export-panic": "off"},\n  oops\n}\n');
    const client = await start(dir, null);
    const file = path.join(dir, 'export.go');
    assert.deepEqual(codes(await client.diagnostics(file, (d) => d.length === 1)), ['export-panic'], 'the broken file turns nothing off');
    const onFile = await client.diagnostics(configFile, (d) => d.length > 0);
    assert.equal(onFile.length, 1);
    assert.equal(onFile[0].severity, 1);
    assert.match(onFile[0].message, /not valid JSON/);
    assert.deepEqual(onFile[0].range.start, { line: 2, character: 2 }, 'at the stray word');
  });

  it('bad editor values fall back to the defaults and are logged', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await start(dir, { stackBudgetBytes: 'lots', rules: { 'export-panic': 'loud', 'no-such-rule': 'error' } });
    const file = path.join(dir, 'export.go');
    assert.deepEqual(codes(await client.diagnostics(file, (d) => d.length === 1)), ['export-panic']);
    assert.ok(client.logs.some((l) => /"stackBudgetBytes" must be a positive number/.test(l)));
    assert.ok(client.logs.some((l) => /"rules\.no-such-rule" is not a g0guard rule/.test(l)));
  });
});
