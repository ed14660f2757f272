// The C/C++ model on real parses: what the extractor reads from C++ (qualified names, classes,
// lambdas, C linkage), sizes as a unit evaluates them (LP64 layout, macros, run time vs unknown),
// the #cgo flags as the go command combines them, and signature compatibility for pointer calls.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { compatible, cTypeOfGo } from '../../server/src/graph/c-signature';
import type { CUnitFacts } from '../../server/src/model/c-facts';
import { constSize, sizeOfType } from '../../server/src/model/c-sizes';
import type { UnitTypes } from '../../server/src/model/c-types';
import { cgoFlags, shellWords } from '../../server/src/model/cgo-flags';
import { extractC } from '../../server/src/model/extract-c';
import type { GoFile } from '../../server/src/model/package';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';

const backends: ParserBackend[] = [];
before(async () => { backends.push(await createBackend('native'), await createBackend('wasm')); });

function types(facts: CUnitFacts, macros: Record<string, string> = {}): UnitTypes {
  const t: UnitTypes = { records: new Map(), typedefs: new Map(), enums: new Map(), globals: new Map(), prototypes: new Map(), externC: new Set(), macros: new Map() };
  for (const r of facts.records) t.records.set(r.name, r);
  for (const [k, v] of Object.entries(facts.typedefs)) t.typedefs.set(k, v);
  for (const g of facts.globals) t.globals.set(g.name, g);
  for (const [k, v] of Object.entries(macros)) t.macros.set(k, { body: v, certain: true });
  return t;
}

describe('C and C++ facts', () => {
  it('read C++ qualified names, classes, lambdas and extern "C" the same on both backends', () => {
    const text = `namespace geo {
struct Node { Node *next; int count(); virtual ~Node(); };
int Node::count() { auto step = [this](int d) { return d; }; return next ? 1 + next->count() : step(0); }
}
extern "C" { int node_count(void *n) { return static_cast<geo::Node *>(n)->count(); } }
`;
    const seen = backends.map((b) => {
      const f = extractC(b, 'cpp', text);
      return f.funcs.map((fn) => `${fn.qualified}|${fn.cls ?? ''}|${fn.role ?? ''}|${fn.externC}|${fn.calls.length}`);
    });
    assert.deepEqual(seen[0], seen[1]);
    assert.deepEqual(seen[0], ['geo::Node::count|geo::Node||false|2', '<lambda>||lambda|false|0', 'node_count|||true|1']);
  });

  it('lay out structs as LP64 does, and tell run-time sizes from unknown constants', () => {
    for (const b of backends) {
      const f = extractC(b, 'c', `struct inner { char tag; double v; };
struct msg { int kind; struct inner in[2]; char body[BODY]; };
void use(int n) { char vla[n + 1]; char fixed[BODY * 2]; char sys[PATH_LIMIT]; }
`);
      const t = types(f, { BODY: '100' });
      assert.equal(sizeOfType('inner', t), 16, `${b.name}: char padded to the double`);
      assert.equal(sizeOfType('msg', t), 4 + 4 + 32 + 100 + 4, `${b.name}: int, padding, 2 × 16, 100, tail padding to 8`);
      const use = f.funcs[0];
      const env = { types: t, variables: new Map(use.params.map((p) => [p.name, p.type])) };
      assert.deepEqual(use.locals.map((l) => constSize(l.dims[0], env).kind), ['runtime', 'known', 'unknown']);
    }
  });
});

describe('#cgo flags', () => {
  it('apply the lines whose constraint holds, per language, with ${SRCDIR} and quotes', () => {
    const file = { facts: { preamble: { ranges: [], cgo: [
      { text: '#cgo CFLAGS: -I${SRCDIR}/include -DNAME="a b" -std=gnu99', span: { start: 0, end: 0 } },
      { text: '#cgo linux,!arm64 CPPFLAGS: -DLINUX_X86', span: { start: 0, end: 0 } },
      { text: '#cgo windows CFLAGS: -DWINDOWS', span: { start: 0, end: 0 } },
      { text: '#cgo CXXFLAGS: -std=c++17 -UNDEBUG', span: { start: 0, end: 0 } },
    ] } } } as unknown as GoFile;
    const f = cgoFlags([file], { goos: 'linux', goarch: 'amd64' }, '/pkg');
    assert.deepEqual(f.c.includeDirs, ['/pkg', '/pkg/include']);
    assert.deepEqual([...f.c.defines], [['NAME', 'a b'], ['LINUX_X86', '1']]);
    assert.equal(f.c.std, 'gnu99');
    assert.deepEqual([...f.cpp.defines], [['LINUX_X86', '1']]);
    assert.equal(f.cpp.std, 'c++17');
    assert.ok(f.controlled.has('WINDOWS'), 'a -D of another build is known to be undefined in this one');
    assert.deepEqual(shellWords(`-DX='1 2' -I"a b" c\\ d`), ['-DX=1 2', '-Ia b', 'c d']);
  });
});

describe('signatures of pointer calls', () => {
  const t = types({ funcs: [], records: [], typedefs: { stream_t: 'stream' }, enums: [], globals: [], prototypes: {}, externC: [], symbols: [], ignores: [], errors: 0 });
  const sig = (...params: string[]) => ({ params, variadic: false, ret: 'void' });

  it('match by parameter count and pointee, as C\'s compatible function types', () => {
    assert.ok(compatible(sig('stream*', 'int'), t, sig('stream_t*', 'long'), t), 'typedefs resolved, integers alike');
    assert.ok(!compatible(sig('stream*'), t, sig('subtransport*'), t), 'another struct');
    assert.ok(!compatible(sig('stream*'), t, sig('void*'), t), 'void * is not stream *');
    assert.ok(!compatible(sig('stream*'), t, sig('stream*', 'int'), t), 'another count');
  });

  it('give an export the C types cgo writes for its Go parameters', () => {
    assert.deepEqual(['*C.struct_stream', 'C.int', 'unsafe.Pointer', 'int', 'string', '**C.char'].map(cTypeOfGo), ['stream*', 'int', 'void*', 'GoInt', 'GoString', 'char**']);
  });
});
