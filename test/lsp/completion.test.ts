// Completion after `C.` and signature help in `C.f(`, over the real server on both backends and in
// UTF-16 and UTF-8 positions, typed after CJK text into an open document.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CompletionItem, SignatureHelp } from 'vscode-languageserver-protocol';
import { BOUNDARY_FILES } from '../harness/boundary-workspace';
import { LspClient, tempWorkspace, uri } from '../harness/lsp-client';

const units = { 'utf-16': (s: string) => s.length, 'utf-8': (s: string) => Buffer.byteLength(s, 'utf8') };

for (const backend of ['wasm', 'native'] as const) {
  for (const enc of ['utf-16', 'utf-8'] as const) {
    describe(`completion and signature help (${backend}, ${enc})`, () => {
      /** Opens main.go with `typed` inserted as a new line after `func main() {`; returns the position at its end. */
      const typing = async (typed: string) => {
        const dir = tempWorkspace(BOUNDARY_FILES);
        const client = await LspClient.forTest({ folders: [dir], env: { G0GUARD_BACKEND: backend }, capabilities: { general: { positionEncodings: [enc] } } }, dir);
        await client.indexed();
        const file = path.join(dir, 'main.go');
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        const at = lines.indexOf('func main() {') + 1;
        lines.splice(at, 0, typed);
        await client.open(file, lines.join('\n'));
        return { client, params: { textDocument: { uri: uri(file) }, position: { line: at, character: units[enc](typed) } } };
      };

      it('after C. lists what the preamble and its headers declare, as Go spells it, with the C declaration', async () => {
        const { client, params } = await typing('\t/* 名前 */ x := C.');
        const items = await client.request('textDocument/completion', params) as CompletionItem[];
        const byLabel = new Map(items.map((i) => [i.label, i]));
        for (const name of ['visit', 'leaves', 'goVisit', 'struct_node', 'enum_color', 'RED', 'GREEN', 'MAX_DEPTH', 'node_t']) assert.ok(byLabel.has(name), `${name} offered`);
        assert.equal(byLabel.get('visit')!.detail, 'int visit(struct node *n, int depth)');
        assert.equal(byLabel.get('leaves')!.detail, 'static int leaves(struct node *n)');
        assert.equal(byLabel.get('MAX_DEPTH')!.detail, '#define MAX_DEPTH 64');
        assert.equal(byLabel.get('struct_node')!.detail, 'struct node');
        assert.ok(!byLabel.has('kids') && !byLabel.has('node'), 'fields and bare tags are not Go names');
        assert.equal(await client.request('textDocument/completion', { ...params, position: { ...params.position, character: 2 } }), null, 'nothing outside C.');
      });

      it('inside C.f( shows the C signature with the argument under the cursor', async () => {
        const { client, params } = await typing('\t/* 引数 */ C.visit(nil, ');
        const help = await client.request('textDocument/signatureHelp', params) as SignatureHelp;
        const sig = help.signatures[0];
        assert.equal(sig.label, 'int visit(struct node *n, int depth)');
        assert.equal(help.activeParameter, 1);
        const [s, e] = sig.parameters![1].label as [number, number];
        assert.equal(sig.label.slice(s, e), 'int depth');
      });

      it('no signature help outside a C call', async () => {
        const { client, params } = await typing('\t/* 引数 */ goVisit(nil, ');
        assert.equal(await client.request('textDocument/signatureHelp', params), null);
      });
    });
  }
}
