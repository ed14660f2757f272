// The preamble's C in the editor: semantic tokens (full and range) that colour it as C, and
// document symbols nested under `import "C"`, from the real server on both backends, in UTF-16 and
// UTF-8 units, with CJK comments in the preamble.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { DocumentSymbol, SemanticTokens } from 'vscode-languageserver-protocol';
import { BOUNDARY_FILES } from '../harness/boundary-workspace';
import { LspClient, tempWorkspace, uri } from '../harness/lsp-client';

for (const backend of ['wasm', 'native'] as const) {
  for (const enc of ['utf-16', 'utf-8'] as const) {
    describe(`preamble tokens and symbols (${backend}, ${enc})`, () => {
      const start = async () => {
        const dir = tempWorkspace(BOUNDARY_FILES);
        const client = await LspClient.forTest({ folders: [dir], env: { G0GUARD_BACKEND: backend }, capabilities: { general: { positionEncodings: [enc] } } }, dir);
        await client.indexed();
        const file = path.join(dir, 'main.go');
        await client.open(file);
        return { client, file, lines: fs.readFileSync(file, 'utf8').split('\n') };
      };
      /** Decoded tokens as `text:type`, the text cut from the line in the negotiated units. */
      const decode = (tokens: SemanticTokens, types: string[], lines: string[]) => {
        const out: string[] = [];
        let line = 0, char = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
          const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
          line += dl;
          char = dl ? dc : char + dc;
          const text = enc === 'utf-8' ? Buffer.from(lines[line]).subarray(char, char + len).toString() : lines[line].slice(char, char + len);
          out.push(`${line + 1}:${text}:${types[type]}`);
        }
        return out;
      };

      it('colours the preamble as C: directives, header names, comments, keywords, types, functions, macros', async () => {
        const { client, file, lines } = await start();
        const types: string[] = client.initializeResult.capabilities.semanticTokensProvider.legend.tokenTypes;
        const tokens = decode(await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(file) } }) as SemanticTokens, types, lines);
        for (const t of ['4:#include:keyword', '4:"walk.h":string', '5:// 葉の数を数える:comment', '6:"葉":string', '6:static:keyword', '6:int:type', '6:leaves:function',
          '6:struct:keyword', '6:node:struct', '6:0:number', '7:goVisit:function', '7:depth:variable']) assert.ok(tokens.includes(t), `${t} in ${tokens.join(' ')}`);
        assert.ok(tokens.every((t) => Number(t.split(':')[0]) >= 4 && Number(t.split(':')[0]) <= 7), 'only the preamble gets tokens: Go is left to Go');
        const ranged = decode(await client.request('textDocument/semanticTokens/range', { textDocument: { uri: uri(file) }, range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } } }) as SemanticTokens, types, lines);
        assert.ok(ranged.length > 0 && ranged.every((t) => t.startsWith('6:')), `range: ${ranged.join(' ')}`);
      });

      it('lists the preamble’s C under import "C"', async () => {
        const { client, file, lines } = await start();
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uri(file) } }) as DocumentSymbol[];
        assert.equal(symbols.length, 1);
        const [imp] = symbols;
        assert.equal(imp.name, 'import "C"');
        assert.deepEqual(imp.children!.map((c) => [c.name, c.detail]), [['leaf_tag', 'static const char *leaf_tag = "葉"'], ['leaves', 'static int leaves(struct node *n)'], ['goVisit', 'extern int goVisit(struct node *n, int depth)'], ['kid_count', 'int kid_count(node_t *n)']]);
        const sel = imp.children![1].selectionRange;
        const line = lines[sel.start.line];
        const at = enc === 'utf-8' ? Buffer.from(line).subarray(sel.start.character).toString() : line.slice(sel.start.character);
        assert.match(at, /^leaves\(/);
      });
    });
  }
}
