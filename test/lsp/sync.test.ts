// Document sync against the spawned server: incremental edits (several ranges in one change, a big
// file re-read one function at a time), a cross-file change (editing a .c file changes a Go file's
// diagnostics), changes on disk through workspace/didChangeWatchedFiles, closing an unsaved
// document, and ordering (a burst of edits never ends with results of an older version).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, find, LspClient, tempWorkspace, uri } from '../harness/lsp-client';

async function session(dir: string): Promise<LspClient> {
  const client = await LspClient.forTest({ folders: [dir] }, dir);
  await client.indexed();
  return client;
}

const codes = (ds: { code?: unknown }[]) => ds.map((d) => String(d.code)).sort();

describe('incremental edits', () => {
  it('apply several ranged changes in one didChange, in order', async () => {
    const dir = copyFixture('export-panic', 'safe', 'recover-guard-at-top');
    const client = await session(dir);
    const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.go') && fs.readFileSync(path.join(dir, f), 'utf8').includes('//export'))!);
    await client.open(file);
    assert.deepEqual(await client.diagnostics(file), []);
    const text = client.text(file);
    const defer = find(text, 'defer func()');
    // 1) comment out the guard's first line; 2) in the coordinates after 1), add a panic below it.
    await client.change(file, [
      { range: { start: defer, end: defer }, text: '_ = 0 // ' },
      { range: { start: { line: defer.line, character: 0 }, end: { line: defer.line, character: 0 } }, text: '\tpanic("now unguarded")\n' },
    ]);
    assert.match(client.text(file), /\tpanic\("now unguarded"\)\n\t_ = 0 \/\/ defer func\(\)/);
    const ds = await client.diagnostics(file);
    assert.ok(codes(ds).includes('export-panic'), `export-panic after the edit, got ${codes(ds)}`);
  });

  it('re-read a big file one function at a time and keep positions exact', async () => {
    const lines = ['package big', '', '/*', 'extern void goBack(int);', 'void down(int n) { goBack(n); }', '*/', 'import "C"', ''];
    for (let i = 0; i < 400; i++) lines.push(`func filler${i}(x int) int {`, `\treturn x + ${i}`, '}', '');
    lines.push('//export goBack', 'func goBack(n C.int) {', '\t_ = n', '}');
    const dir = tempWorkspace({ 'go.mod': 'module example.com/big\n\ngo 1.19\n', 'big.go': lines.join('\n') + '\n' });
    const client = await session(dir);
    const file = path.join(dir, 'big.go');
    await client.open(file);
    assert.deepEqual(await client.diagnostics(file), []);
    const at = find(client.text(file), '\t_ = n');
    // Close the cycle: goBack calls C.down, which calls goBack.
    await client.change(file, [{ range: { start: at, end: { line: at.line, character: at.character + 6 } }, text: '\tC.down(n - 1)' }]);
    let ds = await client.diagnostics(file);
    assert.deepEqual(codes(ds), ['cgo-callback-recursion']);
    assert.deepEqual(ds[0].range.start, { line: at.line, character: 1 });
    // An edit far above shifts it: the position must follow.
    await client.change(file, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '\tx++\n\tx--\n' }]);
    ds = await client.diagnostics(file);
    assert.deepEqual(ds[0].range.start, { line: at.line + 2, character: 1 });
    assert.ok(client.logs.some((l) => /big\.go re-read one function/.test(l)), 'the edit took the one-function path');
    // And in the preamble (outside any function): the C side changes, the cycle goes.
    const down = find(client.text(file), 'goBack(n); }');
    await client.change(file, [{ range: { start: down, end: { line: down.line, character: down.character + 10 } }, text: '(void)n;' }]);
    assert.deepEqual(await client.diagnostics(file), []);
  });

  it('never end a burst of edits with the results of an older version', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await session(dir);
    const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.go'))!);
    await client.open(file);
    await client.diagnostics(file);
    const panicAt = find(client.text(file), 'panic(');
    let last = 0;
    for (let i = 0; i < 30; i++) {
      // Toggle the panic on and off without waiting: the server sees a burst.
      const on = i % 2 === 1;
      last = await client.change(file, [{ range: { start: panicAt, end: { line: panicAt.line, character: panicAt.character + (on ? 8 : 6) } }, text: on ? 'panic(' : 'print(//' }]);
    }
    const final = await client.diagnostics(file);
    assert.equal(client.published.get(uri(file))!.version, last);
    const versions = client.history.filter((p) => p.uri === uri(file) && p.version !== undefined).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'published versions never go backwards');
    assert.ok(versions.length < 31, `the burst was coalesced (${versions.length} publishes for 31 versions)`);
    assert.deepEqual(codes(final), codes(final).includes('export-panic') ? ['export-panic'] : [], 'final state reflects the final text');
    assert.equal(codes(final).includes('export-panic'), client.text(file).includes('\tpanic('));
  });
});

describe('cross-file changes', () => {
  it('editing the package .c file changes the Go file’s diagnostics', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'package-c-file-calls-export');
    const client = await session(dir);
    const main = path.join(dir, 'main.go');
    const exprC = path.join(dir, 'expr.c');
    await client.open(main);
    assert.deepEqual(codes(await client.diagnostics(main)), ['cgo-callback-recursion']);
    await client.open(exprC);
    const call = find(client.text(exprC), 'goEval(src + 1, len - 2)');
    await client.change(exprC, [{ range: { start: call, end: { line: call.line, character: call.character + 'goEval(src + 1, len - 2)'.length } }, text: '0' }]);
    assert.deepEqual(await client.diagnostics(main, (ds) => ds.length === 0), [], 'the cycle is gone from main.go');
    await client.change(exprC, [{ range: { start: call, end: { line: call.line, character: call.character + 1 } }, text: 'goEval(src + 1, len - 2)' }]);
    assert.deepEqual(codes(await client.diagnostics(main, (ds) => ds.length === 1)), ['cgo-callback-recursion']);
  });

  it('sees a closed .c file change on disk through didChangeWatchedFiles', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'package-c-file-calls-export');
    const client = await session(dir);
    const main = path.join(dir, 'main.go');
    const exprC = path.join(dir, 'expr.c');
    await client.diagnostics(main, (ds) => ds.length === 1);
    fs.writeFileSync(exprC, fs.readFileSync(exprC, 'utf8').replace('return goEval(src + 1, len - 2);', 'return 0;'));
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(exprC), type: 2 }] });
    assert.deepEqual(await client.diagnostics(main, (ds) => ds.length === 0), []);
    fs.rmSync(exprC);
    fs.writeFileSync(path.join(dir, 'again.c'), '#include "_cgo_export.h"\nlong long eval_group(char *src, int len) { return goEval(src, len); }\n');
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(exprC), type: 3 }, { uri: uri(path.join(dir, 'again.c')), type: 1 }] });
    assert.deepEqual(codes(await client.diagnostics(main, (ds) => ds.length === 1)), ['cgo-callback-recursion'], 'a created file joins its package');
  });

  it('closing a document without saving goes back to the text on disk', async () => {
    const dir = copyFixture('export-panic', 'safe', 'panic-helper-not-reachable');
    const client = await session(dir);
    const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.go') && fs.readFileSync(path.join(dir, f), 'utf8').includes('//export'))!);
    await client.open(file);
    const text = client.text(file);
    const brace = find(text, '{\n', text.indexOf('\nfunc ', text.indexOf('//export')));
    await client.change(file, [{ range: { start: { line: brace.line, character: brace.character + 1 }, end: { line: brace.line, character: brace.character + 1 } }, text: '\n\tpanic("unsaved")' }]);
    assert.ok(codes(await client.diagnostics(file)).includes('export-panic'));
    await client.close(file);
    assert.deepEqual(await client.diagnostics(file, (ds, p) => p.version === undefined), [], 'back to the saved, safe text');
  });
});
