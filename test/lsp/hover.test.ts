// Hovers from the spawned server: over a finding, the rule's explanation (what happens on g0, the
// measured platform, the fix) with this finding's evidence and numbers; over the Go↔C boundary
// (an //export function, a C.f call, a C function), who calls it across and its frame estimate.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyFixture, find, LspClient, removeTemp, uri } from '../harness/lsp-client';

describe('hover', () => {
  let dir: string;
  let client: LspClient;
  let main: string;
  let text: string;
  const hoverAt = async (file: string, needle: string, delta = 0) => {
    const pos = find(fs.readFileSync(file, 'utf8'), needle);
    const h = await client.request('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: pos.line, character: pos.character + delta } });
    return h as { contents: { kind: string; value: string }; range?: unknown } | null;
  };

  before(async () => {
    dir = copyFixture('cgo-callback-recursion', 'flagged', 'c-guard-bound-exceeds-with-large-frame');
    client = await LspClient.start({ folders: [dir] });
    await client.indexed();
    main = path.join(dir, 'main.go');
    text = fs.readFileSync(main, 'utf8');
    await client.open(main);
    await client.diagnostics(main);
  });
  after(async () => { await client.stop(); removeTemp(dir); });

  it('over a finding: the rule, the measured facts with their platform, the fix, and this finding’s numbers', async () => {
    const h = await hoverAt(main, 'C.expand(depth)', 3);
    assert.ok(h);
    assert.equal(h.contents.kind, 'markdown');
    const v = h.contents.value;
    assert.match(v, /g0guard `cgo-callback-recursion`.*Go↔C recursion without a safe depth bound/);
    assert.match(v, /measured on Go 1\.19\.8, linux\/amd64/, 'measured facts name their platform');
    assert.match(v, /silent SIGSEGV/);
    assert.match(v, /Fix: every M levels/);
    assert.match(v, /\*\*Evidence\*\*\n\n1\. main\.goExpand calls C\.expand \(Go → C\) — \[main\.go:\d+\]/);
    assert.match(v, /2\. C\.expand calls exported main\.goExpand \(C → Go\) — \[expand\.c:\d+\]\(file:\/\/.*expand\.c#L\d+\)/);
    assert.match(v, /Estimated g0 stack per level:\*\* 8\.\d KiB/, 'the 8 KiB C buffer counts in each level');
    assert.match(v, /Depth bound:\*\* 2,000 levels/);
    assert.match(v, /g0 budget:\*\* 8 MiB/);
    assert.match(v, /\[Rule documentation\]\(.*cgo-callback-recursion\.md\)/);
    void text;
  });

  it('over an //export function: the C callers and the cost of each call from C', async () => {
    const h = await hoverAt(main, 'goExpand(line', 2);
    const v = h!.contents.value;
    assert.match(v, /`\/\/export goExpand`\*\*: Go called from C/);
    assert.match(v, /Called from C by 1 call site:\n\n- `C\.expand` at \[expand\.c:\d+\]/);
    assert.match(v, /≈270 B of g0 stack/);
  });

  it('on the //export line itself too', async () => {
    const h = await hoverAt(main, '//export goExpand', 3);
    assert.match(h!.contents.value, /`\/\/export goExpand`\*\*: Go called from C/);
  });

  it('over a C.f call in Go: the C function’s frame, its callers from Go and what it calls back', async () => {
    const h = await hoverAt(main, 'C.expand(0)', 2);
    const v = h!.contents.value;
    assert.match(v, /`C\.expand` called from Go here/);
    assert.match(v, /Frame estimate:\*\* 8 KiB \(8,216 B\); line 8 KiB/);
    assert.match(v, /Called from Go \(cgo\) at 2 sites/);
    assert.match(v, /Calls back into Go:\n\n- `main\.goExpand`/);
  });

  it('over a C function in a .c file', async () => {
    const cFile = path.join(dir, 'expand.c');
    const h = await hoverAt(cFile, 'expand(int depth)', 1);
    const v = h!.contents.value;
    assert.match(v, /C function `expand`/);
    assert.match(v, /line 8 KiB/);
  });

  it('over a C function defined in a preamble', async () => {
    const { tempWorkspace } = await import('../harness/lsp-client');
    const ws = tempWorkspace({
      'go.mod': 'module example.com/pre\n\ngo 1.19\n',
      'main.go': 'package main\n\n/*\nextern void goBack(int);\nvoid down(int n) { char buf[512]; buf[0] = n; goBack(n); }\n*/\nimport "C"\n\n//export goBack\nfunc goBack(n C.int) { C.down(n - 1) }\n\nfunc main() { C.down(3) }\n',
    });
    const c = await LspClient.start({ folders: [ws] });
    try {
      await c.indexed();
      const file = path.join(ws, 'main.go');
      const h = await c.request('textDocument/hover', { textDocument: { uri: uri(file) }, position: find(fs.readFileSync(file, 'utf8'), 'down(int n)') });
      assert.match(h.contents.value, /C function `down`/);
      assert.match(h.contents.value, /Frame estimate:\*\* 536 B; buf 512 B/);
      assert.match(h.contents.value, /Called from Go \(cgo\) at 2 sites/);
      assert.match(h.contents.value, /Calls back into Go:\n\n- `main\.goBack`/);
    } finally {
      await c.stop();
      removeTemp(ws);
    }
  });

  it('nothing where there is nothing to say', async () => {
    assert.equal(await hoverAt(main, 'package main'), null);
  });

  it('plain text for a client that cannot render markdown', async () => {
    const c = await LspClient.start({ folders: [dir], capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } } });
    try {
      await c.indexed();
      const pos = find(text, 'C.expand(depth)');
      const h = await c.request('textDocument/hover', { textDocument: { uri: uri(main) }, position: pos });
      assert.equal(h.contents.kind, 'plaintext');
      assert.doesNotMatch(h.contents.value, /\*\*|\]\(file:/);
      assert.match(h.contents.value, /main\.goExpand calls C\.expand/);
    } finally {
      await c.stop();
    }
  });
});
