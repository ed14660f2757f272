// `C.name` used as a value (a function pointer handed to C directly or through a local, kept in a C
// struct, or kept by Go) is found in the text and confirmed in the tree, on both backends, in small
// files and in big ones read piece by piece.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractGo } from '../../server/src/model/extract-go';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';

const backends: ParserBackend[] = [];
before(async () => { backends.push(await createBackend('native'), await createBackend('wasm')); });

const PREAMBLE = `package p

/*
extern void cb(int);
extern void cb2(int);
extern void cb3(int);
typedef void (*fn_t)(int);
typedef struct { fn_t on; } s_t;
static void register_cb(fn_t f) { f(1); }
static int f(void) { return 0; }
*/
import "C"

import "unsafe"

// 注释: C.fake is named in a comment, not used.
var h = unsafe.Pointer(C.cb3)
`;

const BODY = `
func run(s *C.s_t) {
	var y C.int
	var z *C.struct_x
	_, _ = y, z
	C.register_cb((*[0]byte)(C.cb))
	msg := "C.fake2 in a string"
	_ = msg
	p := C.
		cb2
	_ = p
	s.on = C.fn_t(C.cb)
	C.f()
	_ = C.int(3)
}

func generated() {
	var carg1 *[0]byte
	carg1 = (*[0]byte)(C.cb)
	var carg2 = (*[0]byte)(C.cb2)
	kept := (*[0]byte)(C.cb3)
	C.register_cb(carg1)
	C.register_cb(carg2)
	C.register_cb(carg1)
	_ = kept
}
`;

/** Each value as `name@written text → destination`. */
function values(b: ParserBackend, text: string): string[] {
  return extractGo(b, text, false).cValues.map((v) => {
    const dest = v.dest.kind === 'c-arg' ? `c-arg ${v.dest.calls.map((c) => `${c.callee}#${c.arg}`).join(',')}${v.dest.then ? ` then ${v.dest.then.owner}.${v.dest.then.field}` : ''}` : v.dest.kind;
    return `${v.name}@${text.slice(v.span.start, v.span.end).replace(/\s+/g, ' ')} → ${dest}`;
  }).sort();
}

const EXPECTED = [
  'cb2@C. cb2 → go', // split after the dot: still a selector
  'cb2@carg2 → c-arg register_cb#0', // a local declared with var, then handed to C: read where C gets it
  'cb3@C.cb3 → go', // a package variable's initializer
  'cb3@C.cb3 → go', // a local never handed to C
  'cb@C.cb → c-arg fn_t#0 then s_t.on', // converted, then stored in a C struct's field
  'cb@C.cb → c-arg register_cb#0', // through (*[0]byte)(…), a type conversion, into the C call
  'cb@carg1 → c-arg register_cb#0', // assigned to a local handed to C twice: a value at each hand-over
  'cb@carg1 → c-arg register_cb#0',
];

describe('C values', () => {
  it('are read where they are values and followed through locals, not in comments, strings, types, calls or conversions', () => {
    for (const b of backends) assert.deepEqual(values(b, PREAMBLE + BODY), EXPECTED, b.name);
  });

  it('are the same in a file big enough to be read in pieces', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `\n// 填充 ${i}\nfunc fill${i}() int { return ${i} }\n`).join('');
    const text = PREAMBLE + filler + BODY;
    assert.ok(text.length > 1 << 16, 'the file is read in pieces');
    for (const b of backends) assert.deepEqual(values(b, text), EXPECTED, b.name);
  });
});
