// The server never exits on bad input: a rule that throws becomes an internal-error diagnostic on
// the file while the other rules still report; malformed params, unknown documents, other URI
// schemes, binary or broken files and out-of-range positions get empty answers; and the server
// still works afterwards.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LspClient, tempWorkspace, uri } from '../harness/lsp-client';

const BIG_FRAME_AND_PANIC = `package main

/*
#include <string.h>
void fill(void) { char big[70000]; memset(big, 0, sizeof big); }
*/
import "C"

//export GoCb
func GoCb() {
	panic("boom")
}

func main() { C.fill() }
`;

describe('robustness', () => {
  it('a throwing rule gives an internal-error diagnostic and the other rules still report', async () => {
    const dir = tempWorkspace({ 'go.mod': 'module example.com/fault\n\ngo 1.19\n', 'main.go': BIG_FRAME_AND_PANIC });
    const client = await LspClient.forTest({ folders: [dir], env: { G0GUARD_FAULT: 'c-large-frame' } }, dir);
    await client.indexed();
    const file = path.join(dir, 'main.go');
    await client.open(file);
    assert.deepEqual((await client.diagnostics(file)).map((d) => d.code).sort(), ['c-large-frame', 'export-panic']);
    // The trigger text makes c-large-frame throw on the next check.
    await client.change(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// G0GUARD_FAULT_TRIGGER\n' }]);
    const ds = await client.diagnostics(file);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['export-panic', 'internal-error']);
    const internal = ds.find((d) => d.code === 'internal-error')!;
    assert.equal(internal.severity, 1);
    assert.match(internal.message, /rule c-large-frame failed .*injected fault.*the other rules still ran/);
    assert.ok(client.logs.some((l) => /injected fault/.test(l)), 'the stack goes to the log');
    // Remove the trigger: back to normal.
    await client.change(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    assert.deepEqual((await client.diagnostics(file)).map((d) => d.code).sort(), ['c-large-frame', 'export-panic']);
    assert.ok(client.alive);
  });

  it('a client that refuses the file-watch registration (eglot 1.9) still gets the index, fixes and cleared diagnostics', async () => {
    const dir = tempWorkspace({ 'go.mod': 'module example.com/refuse\n\ngo 1.19\n', 'main.go': BIG_FRAME_AND_PANIC });
    const client = await LspClient.forTest({ folders: [dir], refuseRegistration: true }, dir);
    await client.indexed();
    assert.ok(client.logs.some((l) => /refused to register file watching .*going on without it/.test(l)), client.logs.join('\n'));
    const file = path.join(dir, 'main.go');
    await client.open(file);
    assert.deepEqual((await client.diagnostics(file)).map((d) => d.code).sort(), ['c-large-frame', 'export-panic']);
    const at = client.text(file).indexOf('\tpanic("boom")');
    const line = client.text(file).slice(0, at).split('\n').length - 1;
    await client.change(file, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    assert.deepEqual((await client.diagnostics(file, (ds) => ds.length === 1)).map((d) => d.code), ['c-large-frame']);
  });

  it('no published diagnostic holds a NUL character (Emacs drops the whole message)', async () => {
    const dir = tempWorkspace({ 'go.mod': 'module example.com/nul\n\ngo 1.19\n', 'main.go': BIG_FRAME_AND_PANIC });
    const client = await LspClient.forTest({ folders: [dir] }, dir);
    const file = path.join(dir, 'main.go');
    await client.open(file);
    const ds = await client.diagnostics(file, (d) => d.length === 2);
    assert.ok(!JSON.stringify(ds).includes('\\u0000'), JSON.stringify(ds));
  });

  it('a file the parser throws on is skipped and named; the rest of its package is still checked', async () => {
    const dir = tempWorkspace({
      'go.mod': 'module example.com/fault\n\ngo 1.19\n',
      'main.go': BIG_FRAME_AND_PANIC,
      'other.go': 'package main\n\n// G0GUARD_FAULT_TRIGGER\nfunc other() {}\n',
    });
    const client = await LspClient.forTest({ folders: [dir], env: { G0GUARD_FAULT: 'parse' } }, dir);
    await client.indexed();
    const other = path.join(dir, 'other.go');
    const onOther = await client.diagnostics(other, (ds) => ds.length > 0);
    assert.equal(onOther[0].code, 'internal-error');
    assert.match(onOther[0].message, /could not read this file \(internal error: injected parser fault/);
    const main = await client.diagnostics(path.join(dir, 'main.go'), (ds) => ds.length > 0);
    assert.deepEqual(main.map((d) => d.code).sort(), ['c-large-frame', 'export-panic']);
    // Fixing the file (the trigger goes) brings it back.
    await client.open(other);
    await client.change(other, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    assert.deepEqual(await client.diagnostics(other), []);
  });

  it('survives malformed and unexpected input and keeps answering', async () => {
    const dir = tempWorkspace({
      'go.mod': 'module example.com/bad\n\ngo 1.19\n',
      'main.go': BIG_FRAME_AND_PANIC,
      'binary.go': 'package main\n\x00\x01\x02\x00garbage',
      'broken.go': 'package main\n\nfunc ((( {{{ \n//export\nfunc X( {\n',
      'weird.c': '#include "nowhere.h"\nint f( { return }}}\n',
    });
    const client = await LspClient.forTest({ folders: [dir] }, dir);
    await client.indexed();
    const main = path.join(dir, 'main.go');
    const missing = uri(path.join(dir, 'missing.go'));
    const answers = await Promise.all([
      client.request('textDocument/hover', null).catch(() => 'error'),
      client.request('textDocument/hover', { textDocument: { uri: uri(main) }, position: { line: 99999, character: -5 } }),
      client.request('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }),
      client.request('textDocument/codeAction', { textDocument: { uri: uri(main) }, range: null, context: { diagnostics: [{ source: 'g0guard', data: 42 }, null] } }),
      client.request('textDocument/codeAction', { textDocument: { uri: missing }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      client.request('workspace/executeCommand', { command: 'no.such.command' }),
    ]);
    assert.equal(answers.length, 6);
    await client.notification('textDocument/didChange', { textDocument: { uri: missing, version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.notification('textDocument/didChange', { textDocument: { uri: uri(main), version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 } } }] });
    await client.notification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'go', version: 1, text: 'package x' } });
    await client.notification('textDocument/didOpen', { textDocument: { uri: uri(path.join(dir, 'binary.go')), languageId: 'go', version: 1, text: fs.readFileSync(path.join(dir, 'binary.go'), 'utf8') } });
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 9 }, null] });
    await client.notification('textDocument/didClose', { textDocument: { uri: missing } });
    // Still alive and still right: open the good file and get its findings.
    await client.open(main);
    assert.deepEqual((await client.diagnostics(main)).map((d) => d.code).sort(), ['c-large-frame', 'export-panic']);
    const binary = await client.diagnostics(path.join(dir, 'binary.go'), (_, p) => p.version === 1);
    assert.match(binary[0]?.message ?? '', /binary content/, 'a skipped file says why');
    assert.ok(client.alive);
  });
});
