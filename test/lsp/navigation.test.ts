// Definition and references across the Go↔C boundary, over the real server on both parser
// backends and in UTF-16 and UTF-8 positions, with CJK text before every position involved.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import { BOUNDARY_FILES } from '../harness/boundary-workspace';
import { LspClient, tempWorkspace, uri } from '../harness/lsp-client';

const units = { 'utf-16': (s: string) => s.length, 'utf-8': (s: string) => Buffer.byteLength(s, 'utf8') };
type Enc = keyof typeof units;

/** The position of `needle` (plus `delta` characters) in `file`'s text, in the encoding's units. */
function pos(text: string, needle: string, enc: Enc, delta = 0, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  i += delta;
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  return { line: text.slice(0, lineStart).split('\n').length - 1, character: units[enc](text.slice(lineStart, i)) };
}

for (const backend of ['wasm', 'native'] as const) {
  for (const enc of ['utf-16', 'utf-8'] as const) {
    describe(`definition and references (${backend}, ${enc})`, () => {
      const start = async () => {
        const dir = tempWorkspace(BOUNDARY_FILES);
        const client = await LspClient.forTest({ folders: [dir], env: { G0GUARD_BACKEND: backend }, capabilities: { general: { positionEncodings: [enc] } } }, dir);
        await client.indexed();
        const file = (name: string) => path.join(dir, name);
        const text = (name: string) => fs.readFileSync(file(name), 'utf8');
        const at = (name: string, needle: string, delta = 0, nth = 0) => ({ textDocument: { uri: uri(file(name)) }, position: pos(text(name), needle, enc, delta, nth) });
        /** `name:needle` for each location, where needle is the text the location starts at. */
        const where = (locs: Location[] | null) => (locs ?? []).map((l) => {
          const name = path.basename(new URL(l.uri).pathname);
          const lines = text(name).split('\n');
          const line = lines[l.range.start.line];
          const byteCol = (s: string, c: number) => (enc === 'utf-8' ? Buffer.from(s).subarray(0, c).toString() : s.slice(0, c)).length;
          const col = byteCol(line, l.range.start.character), endCol = l.range.end.line === l.range.start.line ? byteCol(line, l.range.end.character) : line.length;
          return `${name}:${l.range.start.line + 1}:${line.slice(col, endCol)}`;
        });
        /** Where a definition or declaration request at `needle` (plus `delta`) lands, as `where` shows it. */
        const land = async (method: 'definition' | 'declaration', name: string, needle: string, delta = 0) =>
          where(await client.request(`textDocument/${method}`, at(name, needle, delta)) as Location[]);
        return { client, file, at, where, land };
      };

      it('from Go C.f to the C definition; its declarations by textDocument/declaration', async () => {
        const { land } = await start();
        assert.deepEqual(await land('definition', 'main.go', 'C.visit', 4), ['walk.c:4:visit']);
        assert.deepEqual(await land('declaration', 'main.go', 'C.visit', 4), ['walk.h:8:visit']);
        // From the middle of the name, and from a static function of the preamble.
        assert.deepEqual(await land('definition', 'main.go', 'C.leaves', 5), ['main.go:6:leaves']);
      });

      it('C.struct_x, C.enum constants, macros and typedefs land on their declarations', async () => {
        const { client, at, land } = await start();
        assert.deepEqual(await land('definition', 'main.go', 'C.struct_node', 3), ['walk.h:5:node']);
        assert.deepEqual(await land('definition', 'main.go', 'C.RED', 2), ['walk.h:6:RED']);
        assert.deepEqual(await land('definition', 'main.go', 'C.MAX_DEPTH', 2), ['walk.h:4:MAX_DEPTH']);
        assert.deepEqual(await land('definition', 'main.go', 'C.node_t', 2), ['walk.h:7:node_t']);
        assert.equal(await client.request('textDocument/definition', at('main.go', 'goVisit(&root', 1)), null, 'plain Go names are left to gopls');
      });

      it('from a C call of an export to the Go function; C to C within the unit', async () => {
        const { client, at, land } = await start();
        assert.deepEqual(await land('definition', 'walk.c', 'goVisit(n', 2), ['main.go:12:goVisit']);
        assert.deepEqual(await land('definition', 'walk.c', 'MAX_DEPTH) return', 1), ['walk.h:4:MAX_DEPTH']);
        assert.deepEqual(await land('definition', 'walk.c', 'struct node *n', 8), ['walk.h:5:node']);
        assert.equal(await client.request('textDocument/definition', at('walk.c', '訪問する', 1)), null, 'comments name nothing');
      });

      it('C++ files: from Go C.f to the extern "C" definition, and within C++ to a function of an anonymous namespace', async () => {
        const { client, at, where, land } = await start();
        assert.deepEqual(await land('definition', 'main.go', 'C.kid_count', 3), ['count.cc:12:kid_count']);
        assert.deepEqual(await land('declaration', 'main.go', 'C.kid_count', 3), ['main.go:7:kid_count']);
        assert.deepEqual(await land('definition', 'count.cc', 'count_kids(n)', 2), ['count.cc:5:count_kids']);
        const refs = await client.request('textDocument/references', { ...at('count.cc', 'int kid_count', 5), context: { includeDeclaration: true } }) as Location[];
        assert.deepEqual(where(refs).sort(), ['count.cc:12:kid_count', 'main.go:13:kid_count', 'main.go:7:kid_count']);
      });

      it('references of a C function: Go C.f sites and C declarations; of an export: its C callers and Go calls', async () => {
        const { client, at, where } = await start();
        const visitRefs = await client.request('textDocument/references', { ...at('main.go', 'C.visit', 3), context: { includeDeclaration: true } }) as Location[];
        assert.deepEqual(where(visitRefs).sort(), ['main.go:13:visit', 'walk.c:4:visit', 'walk.h:8:visit']);
        const noDecl = await client.request('textDocument/references', { ...at('main.go', 'C.visit', 3), context: { includeDeclaration: false } }) as Location[];
        assert.deepEqual(where(noDecl), ['main.go:13:visit']);
        const exportRefs = await client.request('textDocument/references', { ...at('main.go', 'func goVisit', 6), context: { includeDeclaration: false } }) as Location[];
        assert.deepEqual(where(exportRefs).sort(), ['main.go:19:goVisit', 'walk.c:6:goVisit']);
        const tagRefs = await client.request('textDocument/references', { ...at('walk.c', 'struct node', 8), context: { includeDeclaration: true } }) as Location[];
        assert.deepEqual(where(tagRefs).sort(), ['main.go:12:struct_node', 'main.go:6:node', 'main.go:7:node', 'walk.c:4:node', 'walk.h:5:node', 'walk.h:5:node', 'walk.h:7:node', 'walk.h:8:node'].sort());
      });
    });
  }
}
