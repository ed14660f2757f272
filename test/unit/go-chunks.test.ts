// A big Go file is read a piece of top-level declarations at a time (model/go-chunks.ts) and its
// facts compacted (compact-facts.ts): they must equal those of one parse left as read, on both
// parsers, and a split must never fall inside a comment, a literal or brackets. Conversions written
// like calls are not calls.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { generatedGo } from '../../bench/big-files';
import { extractGo, extractGoAtOnce, ONE_PASS_CHARS } from '../../server/src/model/extract-go';
import { planChunks } from '../../server/src/model/go-chunks';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';

/** Top-level shapes a splitter could get wrong, each repeated until the file is big. */
const TRICKY = (i: number) => `
// doc for raw${i}: the next lines are inside a raw string, not declarations 中文
var raw${i} = \`
func notAFunction${i}() {}
type NotAType${i} int
\`

/* a block comment
func alsoNot${i}() {}
*/

//export goCb${i}
//go:nosplit
func goCb${i}(x C.int) (r int) {
	defer func() { recover() }()
	m := map[string]int{"}": 1}
	r = int(x) + m["}"]
	go func() { C.cb${i}(C.int(r), (*C.char)(unsafe.Pointer(&m)), C.size_t(len([]byte("{")))) }()
	return
}

type T${i} struct {
	a, b int
}

func (t *T${i}) Get() int { return t.a }

var table${i} = []struct{ a, b int }{
	{1, 2},
	{3, 4},
}
`;

function trickyFile(bytes: number, crlf = false): string {
  const parts = ['// Code generated. DO NOT EDIT.\n\npackage p\n\n/*\n#include <stddef.h>\nstatic void cb0(int a, char *b, size_t n) {}\n*/\nimport "C"\n\nimport (\n\t"log"\n\t"unsafe"\n)\n\nvar _ = log.Panic\n'];
  for (let i = 0, n = parts[0].length; n < bytes; i++) { const t = TRICKY(i); parts.push(t); n += t.length; }
  const text = parts.join('');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

for (const name of ['wasm', 'native'] as const) {
  describe(`big files read in pieces (${name})`, () => {
    let backend: ParserBackend;
    before(async () => { backend = await createBackend(name); });

    const cases: [string, string][] = [
      ['generated Go', generatedGo('go', 700_000)],
      ['generated cgo', generatedGo('cgo', 700_000)],
      ['raw strings, comments, literals and directives', trickyFile(700_000)],
      ['the same with CRLF', trickyFile(700_000, true)],
    ];
    for (const [what, text] of cases) {
      it(`${what}: the same facts as one parse, full and outline`, () => {
        const plan = planChunks(text, ONE_PASS_CHARS)!;
        assert.ok(plan.chunks.length > 1, 'the file is split');
        // Every piece parses on its own: a split inside a literal or comment would not (and would
        // only be hidden by the fallback to one parse).
        for (const c of plan.chunks.slice(1)) assert.equal(extractGoAtOnce(backend, 'package p\n' + text.slice(c.start, c.end), false, true).errors, 0, `piece at ${c.start}`);
        for (const outline of [false, true]) {
          assert.deepEqual(JSON.parse(JSON.stringify(extractGo(backend, text, false, outline))), JSON.parse(JSON.stringify(extractGoAtOnce(backend, text, false, outline))), outline ? 'outline' : 'full');
        }
      });
    }

    it('a piece with a syntax error sends the file to one parse (the same facts and error count)', () => {
      const text = trickyFile(600_000).replace('func (t *T3) Get() int { return t.a }', 'func (t *T3) Get() int { return t.a');
      const facts = extractGo(backend, text, false);
      assert.ok(facts.errors > 0);
      assert.deepEqual(JSON.parse(JSON.stringify(facts)), JSON.parse(JSON.stringify(extractGoAtOnce(backend, text, false, false))));
    });

    if (name === 'native') {
      it('big files go to a wasm parser that loads Go alone (the addon frees trees only between event-loop turns)', () => {
        const wasm = backend.bigFiles!;
        assert.equal(wasm.name, 'wasm');
        const tree = wasm.parse('go', 'package p\n');
        assert.equal(tree.root.type, 'source_file');
        tree.dispose();
        assert.throws(() => wasm.parse('cpp', 'int x;'), /no cpp grammar/);
      });
    }

    it('conversions written like calls are not calls; cgo and Go calls stay', () => {
      const facts = extractGo(backend, trickyFile(300), false);
      const cb = facts.funcs.find((f) => f.key.startsWith('goCb0$lit2'))!;
      const names = cb.calls.map((c) => (c.callee.kind === 'selector' ? `${c.callee.base.kind === 'ident' ? c.callee.base.name : '?'}.${c.callee.name}` : c.callee.kind === 'ident' ? c.callee.name : c.callee.kind));
      assert.deepEqual(names, ['C.cb0', 'len']);
      const outer = facts.funcs.find((f) => f.key === 'goCb0')!;
      assert.deepEqual(outer.calls.map((c) => c.callee.kind), ['literal', 'literal'], 'int(x) is not a call');
    });
  });
}
