// Call hierarchy over the cross-language graph from the real server, on both backends and in UTF-16
// and UTF-8 positions: a C function's Go callers and the export it calls back, an export's C and Go
// callers, each edge's kind in the detail; and a finding's evidence path followed hop by hop.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, Diagnostic } from 'vscode-languageserver-protocol';
import { BOUNDARY_FILES } from '../harness/boundary-workspace';
import { copyFixture, LspClient, tempWorkspace, uri } from '../harness/lsp-client';

const units = { 'utf-16': (s: string) => s.length, 'utf-8': (s: string) => Buffer.byteLength(s, 'utf8') };

for (const backend of ['wasm', 'native'] as const) {
  for (const enc of ['utf-16', 'utf-8'] as const) {
    describe(`call hierarchy (${backend}, ${enc})`, () => {
      const start = async (dir: string) => {
        const client = await LspClient.forTest({ folders: [dir], env: { G0GUARD_BACKEND: backend }, capabilities: { general: { positionEncodings: [enc] } } }, dir);
        await client.indexed();
        const text = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
        const at = (name: string, needle: string, delta = 0) => {
          const t = text(name), i = t.indexOf(needle) + delta, lineStart = t.lastIndexOf('\n', i - 1) + 1;
          return { textDocument: { uri: uri(path.join(dir, name)) }, position: { line: t.slice(0, lineStart).split('\n').length - 1, character: units[enc](t.slice(lineStart, i)) } };
        };
        /** The text a range starts at, to the end of its line, in the file it is in. */
        const textAt = (u: string, r: { start: { line: number; character: number } }) => {
          const line = text(path.basename(new URL(u).pathname)).split('\n')[r.start.line];
          const cut = enc === 'utf-8' ? Buffer.from(line).subarray(r.start.character).toString() : line.slice(r.start.character);
          return cut;
        };
        return { client, at, textAt };
      };

      it('from a C.f call: the C function, its Go caller (Go→C) and the export it calls (C→Go)', async () => {
        const { client, at, textAt } = await start(tempWorkspace(BOUNDARY_FILES));
        const [visit] = await client.request('textDocument/prepareCallHierarchy', at('main.go', 'C.visit', 3)) as CallHierarchyItem[];
        assert.equal(visit.name, 'C.visit');
        assert.equal(visit.detail, 'C · example.com/boundary');
        assert.match(textAt(visit.uri, visit.selectionRange), /^visit\(struct node/);
        const incoming = await client.request('callHierarchy/incomingCalls', { item: visit }) as CallHierarchyIncomingCall[];
        assert.deepEqual(incoming.map((c) => [c.from.name, c.from.detail]), [['main.goVisit', 'Go→C']]);
        assert.match(textAt(incoming[0].from.uri, incoming[0].fromRanges[0]), /^C\.visit\(n, depth\)/, 'the range is the call, after CJK text');
        const outgoing = await client.request('callHierarchy/outgoingCalls', { item: visit }) as CallHierarchyOutgoingCall[];
        assert.deepEqual(outgoing.map((c) => [c.to.name, c.to.detail]), [['main.goVisit', 'C→Go']]);
        assert.match(textAt(visit.uri, outgoing[0].fromRanges[0]), /^goVisit\(n, depth \+ 1\)/);
      });

      it('on an export: its C caller and its Go caller, each labelled', async () => {
        const { client, at } = await start(tempWorkspace(BOUNDARY_FILES));
        const [goVisit] = await client.request('textDocument/prepareCallHierarchy', at('main.go', 'func goVisit', 6)) as CallHierarchyItem[];
        assert.equal(goVisit.detail, 'Go · example.com/boundary');
        const incoming = await client.request('callHierarchy/incomingCalls', { item: goVisit }) as CallHierarchyIncomingCall[];
        assert.deepEqual(incoming.map((c) => [c.from.name, c.from.detail]).sort(), [['C.visit', 'C→Go'], ['main.main', 'Go call']]);
        const outgoing = await client.request('callHierarchy/outgoingCalls', { item: goVisit }) as CallHierarchyOutgoingCall[];
        assert.deepEqual(outgoing.map((c) => [c.to.name, c.to.detail]).sort(), [['C.kid_count', 'Go→C'], ['C.leaves', 'Go→C'], ['C.visit', 'Go→C']]);
      });

      it('into C++: the extern "C" function from Go, and what it calls in C++', async () => {
        const { client, at, textAt } = await start(tempWorkspace(BOUNDARY_FILES));
        const [kidCount] = await client.request('textDocument/prepareCallHierarchy', at('main.go', 'C.kid_count', 3)) as CallHierarchyItem[];
        assert.equal(kidCount.detail, 'C++ · example.com/boundary');
        assert.match(textAt(kidCount.uri, kidCount.selectionRange), /^kid_count\(node_t/);
        const incoming = await client.request('callHierarchy/incomingCalls', { item: kidCount }) as CallHierarchyIncomingCall[];
        assert.deepEqual(incoming.map((c) => [c.from.name, c.from.detail]), [['main.goVisit', 'Go→C']]);
        const outgoing = await client.request('callHierarchy/outgoingCalls', { item: kidCount }) as CallHierarchyOutgoingCall[];
        assert.equal(outgoing.length, 1);
        assert.match(outgoing[0].to.name, /count_kids$/);
        assert.equal(outgoing[0].to.detail, 'C++ call');
        assert.match(textAt(kidCount.uri, outgoing[0].fromRanges[0]), /^count_kids\(n\)/, 'the range is the call, after CJK text');
      });

      it('a focused evidence path: the hierarchy from its first function follows only its hops', async () => {
        const dir = copyFixture('cgo-callback-recursion', 'flagged', 'cycle-through-c-helpers');
        const { client } = await start(dir);
        const main = path.join(dir, 'main.go');
        await client.open(main);
        const [d] = await client.diagnostics(main, (ds) => ds.length > 0) as Diagnostic[];
        const loc = await client.request('workspace/executeCommand', { command: 'g0guard.focusEvidencePath', arguments: [uri(main), (d.data as { key: string }).key] }) as { uri: string; range: { start: unknown } };
        const [root] = await client.request('textDocument/prepareCallHierarchy', { textDocument: { uri: loc.uri }, position: loc.range.start }) as CallHierarchyItem[];
        const names = [root.name];
        for (let item: CallHierarchyItem | undefined = root; item;) {
          const out = await client.request('callHierarchy/outgoingCalls', { item }) as CallHierarchyOutgoingCall[];
          assert.ok(out.length <= 1, 'one hop at a time');
          item = out[0]?.to;
          if (item) names.push(item.name);
        }
        assert.deepEqual(names, ['main.goHandle', 'C.route', 'C.deliver', 'main.goHandle']);
        // The path ends at its last goHandle; the focus is used once, so a new hierarchy there shows its calls again.
        const [again] = await client.request('textDocument/prepareCallHierarchy', { textDocument: { uri: loc.uri }, position: loc.range.start }) as CallHierarchyItem[];
        const all = await client.request('callHierarchy/outgoingCalls', { item: again }) as CallHierarchyOutgoingCall[];
        assert.deepEqual(all.map((c) => c.to.name), ['C.route']);
      });
    });
  }
}
