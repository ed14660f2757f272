// Facts move with the text: those read after an insertion equal those read before it, moved (the
// language server shifts the facts after an edit, a big file's pieces are moved to where they lie).
// A Go call is a span with more fields, its `restEnd` an offset of its own: moved once, and whole.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractGo } from '../../server/src/model/extract-go';
import { shifted, shiftedFrom, shiftInPlace } from '../../server/src/model/shift-offsets';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';

const GO = `package p

/*
static void report(int n) {}
*/
import "C"

//export work
func work(n int) int {
	C.report(C.int(n)) // 報告
	if n > 0 {
		C.report(C.int(n - 1))
		go func() { C.report(0) }()
		return work(n - 1)
	}
	defer C.report(1)
	return 0
}
`;

const LATER = `
func later() {
	work(1)
	work(2)
	panic("done")
}
`;

const backends: Record<string, ParserBackend> = {};
before(async () => {
  backends.native = await createBackend('native');
  backends.wasm = await createBackend('wasm');
});

for (const name of ['native', 'wasm']) {
  describe(`facts moved with the text (${name})`, () => {
    it('a prefix moves every offset, copied or in place', () => {
      const prefix = '// 前置き: a line before the package clause\n';
      const want = extractGo(backends[name], prefix + GO + LATER, false);
      const facts = extractGo(backends[name], GO + LATER, false);
      const calls = facts.funcs.flatMap((f) => f.calls);
      assert.ok(calls.some((c) => c.restEnd !== undefined) && calls.some((c) => c.statement === 'top') && calls.some((c) => c.runs === 'go'), 'the text has the calls these assertions are about');
      assert.deepEqual(shifted(facts, prefix.length), want);
      assert.deepEqual(shiftInPlace(facts, prefix.length), want);
    });

    it('an insertion between functions moves what follows it and nothing before', () => {
      const inserted = '\n// 挿入された行\n';
      const want = extractGo(backends[name], GO + inserted + LATER, false);
      const facts = extractGo(backends[name], GO + LATER, false);
      const moved = shiftedFrom(facts, GO.length, inserted.length);
      assert.deepEqual(moved.funcs, want.funcs);
      assert.equal(moved.funcs[0], facts.funcs[0], 'a function before the insertion is shared, not copied');
    });
  });
}
