// `g0guard lsp --node-ipc` (what the VS Code extension uses) speaks the same protocol over Node's
// IPC channel; `g0guard lsp` without a transport prints its usage and exits 2.
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BIN, copyFixture, removeTemp, uri } from '../harness/lsp-client';

describe('transports', () => {
  it('--node-ipc: initialize, index, and diagnostics over the IPC channel', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const child = fork(BIN, ['lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { if (p.diagnostics.length) resolve(p); });
      });
      connection.listen();
      const init: { capabilities: { textDocumentSync: { change: number } } } = await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: uri(dir), workspaceFolders: [{ uri: uri(dir), name: 'ws' }], capabilities: {},
      });
      assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
      await connection.sendNotification('initialized', {});
      const p = await published;
      assert.equal(p.uri, uri(path.join(dir, 'export.go')));
      assert.equal(p.diagnostics[0].code, 'export-panic');
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      await exited;
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
      removeTemp(dir);
    }
  });

  it('without a transport flag: usage on stderr, exit status 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'lsp'], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: g0guard lsp \(--stdio \| --node-ipc/);
  });
});
