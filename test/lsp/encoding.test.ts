// Positions on the wire: UTF-16 code units by default (columns after CJK and emoji), UTF-8 or
// UTF-32 when the client offers them (LSP 3.17 positionEncoding) for diagnostics, edits and hovers
// alike, and CRLF files (lines counted right, fixes that keep CRLF).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, LspClient, tempWorkspace, uri } from '../harness/lsp-client';

const PREFIX = '\t/* 深さの上限 😀🎉 */ ';
const CALL = 'C.descend(remaining - 1)';
const C_PREFIX = 'void descend(int remaining) { const char *tag = "下へ 🎉"; (void)tag; ';
const MAIN = `package main

/*
extern void goDescend(int);
${C_PREFIX}goDescend(remaining); }
*/
import "C"

// 漢字のコメント 👍
//export goDescend
func goDescend(remaining C.int) {
${PREFIX}${CALL}
}

func main() { C.descend(10) }
`;
const CALL_LINE = MAIN.split('\n').findIndex((l) => l.includes(CALL));
const C_LINE = MAIN.split('\n').findIndex((l) => l.startsWith(C_PREFIX));

async function start(encodings?: string[]): Promise<{ client: LspClient; file: string }> {
  const dir = tempWorkspace({ 'go.mod': 'module example.com/enc\n\ngo 1.19\n', 'main.go': MAIN });
  const client = await LspClient.forTest({ folders: [dir], capabilities: encodings ? { general: { positionEncodings: encodings } } : {} }, dir);
  await client.indexed();
  const file = path.join(dir, 'main.go');
  await client.open(file);
  return { client, file };
}

/** Column of `s`'s end in each encoding. */
const units = {
  'utf-16': (s: string) => s.length,
  'utf-8': (s: string) => Buffer.byteLength(s, 'utf8'),
  'utf-32': (s: string) => Array.from(s).length,
};

for (const [offered, expected] of [[undefined, 'utf-16'], [['utf-8'], 'utf-8'], [['utf-32', 'utf-16'], 'utf-32'], [['utf-16', 'utf-8'], 'utf-16'], [['latin-1'], 'utf-16']] as const) {
  describe(`position encoding: client offers ${offered ? JSON.stringify(offered) : 'nothing'}`, () => {
    const enc = expected as keyof typeof units;
    it(`negotiates ${expected} and puts columns after CJK and emoji in ${expected} units`, async () => {
      const { client, file } = await start(offered as string[] | undefined);
      assert.equal(client.initializeResult.capabilities.positionEncoding, expected);
      const [d] = await client.diagnostics(file);
      assert.equal(d.code, 'cgo-callback-recursion');
      assert.deepEqual(d.range.start, { line: CALL_LINE, character: units[enc](PREFIX) });
      assert.deepEqual(d.range.end, { line: CALL_LINE, character: units[enc](PREFIX + CALL) });
      assert.deepEqual(d.relatedInformation![0].location.range.start, d.range.start, 'related locations use the same units');
      assert.deepEqual(d.relatedInformation![1].location.range.start, { line: C_LINE, character: units[enc](C_PREFIX) }, 'the C hop too');

      // An edit addressed in the same units lands after the emoji: `C.descend(remaining - 1)` → `… - 2)`.
      const minus = units[enc](PREFIX + 'C.descend(remaining - ');
      await client.notification('textDocument/didChange', {
        textDocument: { uri: uri(file), version: 2 },
        contentChanges: [{ range: { start: { line: CALL_LINE, character: minus }, end: { line: CALL_LINE, character: minus + 1 } }, text: '22' }],
      });
      const [d2] = await client.diagnostics(file, (_, p) => p.version === 2);
      assert.deepEqual(d2.range.end, { line: CALL_LINE, character: units[enc](PREFIX + 'C.descend(remaining - 22)') });

      // A hover addressed just after the emoji comment finds the finding.
      const h = await client.request('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: CALL_LINE, character: units[enc](PREFIX) + 2 } });
      assert.match(h.contents.value, /cgo-callback-recursion/);

      // The quick fix's edit range is in the same units and replaces exactly the call.
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: d2.range, context: { diagnostics: [d2] } });
      const edit = actions.find((a: { isPreferred?: boolean }) => a.isPreferred).edit.documentChanges[0].edits.at(-1);
      assert.deepEqual(edit.range, d2.range);
    });
  });
}

describe('CRLF files', () => {
  it('count lines like LF files and get fixes that keep CRLF', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'defer-recover-inside-if');
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      if (/\.(go|c|h)$/.test(f)) fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    const client = await LspClient.forTest({ folders: [dir] }, dir);
    await client.indexed();
    const file = path.join(dir, 'export.go');
    await client.open(file);
    const [d] = (await client.diagnostics(file)).filter((x) => x.code === 'export-panic');
    const lines = client.text(file).split('\r\n');
    const line = lines.findIndex((l) => l.startsWith('func GoParseLevel'));
    assert.deepEqual(d.range.start, { line, character: 'func '.length });
    const fix = (await client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: d.range, context: { diagnostics: [d] } }))
      .find((a: { isPreferred?: boolean }) => a.isPreferred);
    await client.apply(fix.edit);
    const text = client.text(file);
    assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF was introduced');
    assert.match(text, /\(level C\.int\) \{\r\n\tdefer func\(\) \{\r\n/);
    assert.deepEqual((await client.diagnostics(file)).filter((x) => x.code === 'export-panic'), []);
  });
});
