// Pull diagnostics (textDocument/diagnostic) for a client that supports them: the server says so
// in its capabilities, answers pulls for open documents (unchanged when nothing moved), leaves
// pushing to files that are not open, and asks the client to pull again when results change.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { copyFixture, find, LspClient, removeTemp, uri } from '../harness/lsp-client';

describe('pull diagnostics', () => {
  let client: LspClient;
  let dir: string;
  after(async () => { await client?.stop(); if (dir) removeTemp(dir); });

  it('serves open documents by pull, with result ids, and pushes the rest', async () => {
    dir = copyFixture('cgo-callback-recursion', 'flagged', 'package-c-file-calls-export');
    client = await LspClient.start({
      folders: [dir],
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider.identifier, 'g0guard');
    await client.indexed();
    const main = path.join(dir, 'main.go');
    const exprC = path.join(dir, 'expr.c');
    assert.ok(client.published.get(uri(main))?.diagnostics.length, 'files not open are pushed from the index');

    await client.open(main);
    await client.diagnostics(main, (ds) => ds.length === 0); // the pushed copy is withdrawn: no double display
    const first = await client.request('textDocument/diagnostic', { textDocument: { uri: uri(main) } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items.map((d: { code: string }) => d.code), ['cgo-callback-recursion']);
    const again = await client.request('textDocument/diagnostic', { textDocument: { uri: uri(main) }, previousResultId: first.resultId });
    assert.equal(again.kind, 'unchanged');

    // Break the cycle in the C file (open too): the Go file's pull result changes and a refresh is asked.
    await client.open(exprC);
    const call = find(client.text(exprC), 'goEval(src + 1, len - 2)');
    const refreshes = client.refreshes.length;
    await client.change(exprC, [{ range: { start: call, end: { line: call.line, character: call.character + 24 } }, text: '0' }]);
    await client.waitFor('workspace/diagnostic/refresh', () => (client.refreshes.length > refreshes ? true : undefined));
    const after = await client.request('textDocument/diagnostic', { textDocument: { uri: uri(main) }, previousResultId: first.resultId });
    assert.equal(after.kind, 'full');
    assert.deepEqual(after.items, []);
  });
});
