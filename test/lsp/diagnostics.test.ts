// Diagnostics from the spawned server: what a finding looks like on the wire (source, code, rule
// page, severity, evidence hops in Go and C files, data for fixes), diagnostics for files that are
// not open (background index with work-done progress), and requests answered while indexing runs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyFixture, find, LspClient, removeTemp, tempWorkspace, uri } from '../harness/lsp-client';

describe('diagnostics', () => {
  let dir: string;
  let client: LspClient;
  before(async () => {
    dir = copyFixture('cgo-callback-recursion', 'flagged', 'package-c-file-calls-export');
    client = await LspClient.start({ folders: [dir] });
    await client.indexed();
  });
  after(async () => { await client.stop(); removeTemp(dir); });

  it('come from the background index for files nobody opened, after $/progress begin … end', async () => {
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds[kinds.length - 1], 'end');
    const main = path.join(dir, 'main.go');
    const pushed = client.published.get(uri(main));
    assert.ok(pushed, 'main.go has diagnostics without being opened');
    assert.equal(pushed.version, undefined, 'a closed file has no document version');
    assert.equal(pushed.diagnostics.length, 1);
    assert.equal((pushed.diagnostics[0].data as { version: unknown }).version, null);
  });

  it('carry source, code, the rule page, severity, message and data keyed for fixes', async () => {
    const main = path.join(dir, 'main.go');
    await client.open(main);
    const [d] = await client.diagnostics(main);
    assert.equal(d.source, 'g0guard');
    assert.equal(d.code, 'cgo-callback-recursion');
    assert.match(d.codeDescription!.href, /\/docs\/rules\/cgo-callback-recursion\.md$/);
    assert.equal(d.severity, 1);
    assert.match(d.message, /Go↔C recursion .* no depth bound/);
    const at = find(client.text(main), 'C.eval_group(src, n)');
    assert.deepEqual(d.range.start, at);
    assert.deepEqual(d.range.end, { line: at.line, character: at.character + 'C.eval_group(src, n)'.length });
    const data = d.data as { rule: string; key: string; version: number; uri: string };
    assert.equal(data.rule, 'cgo-callback-recursion');
    assert.equal(data.version, 1);
    assert.equal(data.uri, uri(main));
    assert.equal(typeof data.key, 'string');
  });

  it('list every hop of the cycle as related information, in the Go and the C file', async () => {
    const main = path.join(dir, 'main.go');
    const [d] = await client.diagnostics(main);
    const hops = d.relatedInformation!;
    assert.equal(hops.length, 2);
    assert.equal(hops[0].location.uri, uri(main));
    assert.match(hops[0].message, /goEval calls C\.eval_group \(Go → C\)/);
    const exprC = path.join(dir, 'expr.c');
    assert.equal(hops[1].location.uri, uri(exprC));
    assert.match(hops[1].message, /C\.eval_group calls exported main\.goEval \(C → Go\)/);
    assert.deepEqual(hops[1].location.range.start, find(fs.readFileSync(exprC, 'utf8'), 'goEval(src + 1, len - 2)'));
  });

  it('report C findings in .c files and preambles', async () => {
    const ws = copyFixture('c-recursion', 'flagged', 'recursion-in-package-c-file');
    const c = await LspClient.start({ folders: [ws] });
    try {
      await c.indexed();
      const cFile = fs.readdirSync(ws).find((f) => f.endsWith('.c'))!;
      const d = await c.diagnostics(path.join(ws, cFile), (ds) => ds.length > 0);
      assert.equal(d[0].code, 'c-recursion');
      assert.match(d[0].message, /C recursion/);
    } finally {
      await c.stop();
      removeTemp(ws);
    }
  });
});

describe('background indexing', () => {
  it('answers requests while it runs and publishes every folder at the end', async () => {
    const files: Record<string, string> = { 'go.mod': 'module example.com/many\n\ngo 1.19\n' };
    for (let i = 0; i < 160; i++) {
      files[`p${i}/a.go`] = `package p${i}\n\nimport "C"\n\n//export GoCb${i}\nfunc GoCb${i}(x C.int) C.int {\n\tif x < 0 {\n\t\tpanic("negative")\n\t}\n\treturn x\n}\n`;
      for (let k = 0; k < 4; k++) files[`p${i}/b${k}.go`] = `package p${i}\n\nfunc helper${k}(x int) int {\n${'\tx = x*3 + 1\n'.repeat(40)}\treturn x\n}\n`;
    }
    const ws = tempWorkspace(files);
    const c = await LspClient.start({ folders: [ws] });
    try {
      await c.waitFor('indexing under way', () => (c.progress.some((p) => p.value.kind === 'report') ? true : undefined));
      const answered = c.request('textDocument/hover', { textDocument: { uri: uri(path.join(ws, 'p0', 'a.go')) }, position: { line: 0, character: 0 } })
        .then(() => c.progress.some((p) => p.value.kind === 'end'));
      assert.equal(await answered, false, 'the hover was answered before indexing ended');
      await c.indexed(60000);
      const published = [...c.published.entries()].filter(([u, p]) => /\/a\.go$/.test(u) && p.diagnostics.some((d) => d.code === 'export-panic'));
      assert.equal(published.length, 160, 'every package is checked without opening a file');
    } finally {
      await c.stop();
      removeTemp(ws);
    }
  });
});
