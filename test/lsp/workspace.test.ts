// Workspace life cycle: folders added and removed while running (indexed, then cleared), the
// `g0guard.rescan` command (re-reads what changed on disk behind the server's back), and a file
// opened outside every workspace folder (checked with its own folder).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, LspClient, uri } from '../harness/lsp-client';

describe('workspace', () => {
  it('indexes a workspace folder added later and clears one that is removed', async () => {
    const first = copyFixture('export-panic', 'safe', 'recover-guard-at-top');
    const second = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await LspClient.forTest({ folders: [first] }, first, second);
    await client.indexed();
    const file = path.join(second, 'export.go');
    assert.equal(client.published.get(uri(file)), undefined);
    await client.notification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uri(second), name: 'second' }], removed: [] } });
    assert.equal((await client.diagnostics(file, (ds) => ds.length > 0))[0].code, 'export-panic');
    await client.notification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uri(second), name: 'second' }] } });
    assert.deepEqual(await client.diagnostics(file, (ds) => ds.length === 0), []);
  });

  it('g0guard.rescan picks up changes made on disk without file events', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await LspClient.forTest({ folders: [dir] }, dir);
    assert.ok(client.initializeResult.capabilities.executeCommandProvider.commands.includes('g0guard.rescan'));
    await client.indexed();
    const file = path.join(dir, 'export.go');
    await client.diagnostics(file, (ds) => ds.length === 1);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\bpanic\(/, 'println('));
    await client.request('workspace/executeCommand', { command: 'g0guard.rescan', arguments: [] });
    assert.deepEqual(await client.diagnostics(file, (ds) => ds.length === 0), []);
  });

  it('checks a file opened outside every workspace folder with its own folder', async () => {
    const ws = copyFixture('export-panic', 'safe', 'recover-guard-at-top');
    const loose = copyFixture('cgo-callback-recursion', 'flagged', 'export-reenters-c-directly');
    const client = await LspClient.forTest({ folders: [ws] }, ws, loose);
    await client.indexed();
    const file = path.join(loose, 'main.go');
    await client.open(file);
    const ds = await client.diagnostics(file);
    assert.deepEqual(ds.map((d) => d.code), ['cgo-callback-recursion'], 'the C in bridge.go (same folder) closes the cycle');
  });
});

describe('go.mod', () => {
  it('a saved module path change re-indexes: a //go:linkname to the new path resolves', async () => {
    const { tempWorkspace } = await import('../harness/lsp-client');
    const dir = tempWorkspace({
      'go.mod': 'module example.com/old\n\ngo 1.19\n',
      'hook/hook.go': 'package hook\n\nimport "C"\n\nimport _ "unsafe"\n\n//go:linkname helper example.com/ws/lib.helper\nfunc helper()\n\n//export GoHook\nfunc GoHook() { helper() }\n',
      'lib/lib.go': 'package lib\n\nfunc helper() { panic("from lib") }\n',
    });
    const client = await LspClient.forTest({ folders: [dir] }, dir);
    await client.indexed();
    const hook = path.join(dir, 'hook', 'hook.go');
    assert.equal(client.published.get(uri(hook)), undefined, 'example.com/ws/lib is not this module: no path to the panic');
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/ws\n\ngo 1.19\n');
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(dir, 'go.mod')), type: 2 }] });
    const ds = await client.diagnostics(hook, (d) => d.length > 0);
    assert.equal(ds[0].code, 'export-panic');
  });
});
