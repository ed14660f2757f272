// The preprocessor decides which code a unit compiles: #if against the unit's macros, #cgo -D
// flags and the target's predefined macros; unknown macros keep both branches; skipped text
// becomes spaces so offsets, lines, CRLF and non-ASCII text stay as they are.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, expandMacros, tokenize, type Macros } from '../../server/src/parse/c-expr';
import { targetMacros } from '../../server/src/parse/predefined-macros';
import { mayBeSystemMacro, preprocessFile, type FileView, type PreprocessContext } from '../../server/src/parse/preprocess';

const LINUX = { goos: 'linux', goarch: 'amd64' };

function run(text: string, opts: { lang?: 'c' | 'cpp'; defines?: Record<string, string>; files?: Record<string, string>; segments?: { start: number; end: number }[] } = {}) {
  const macros: Macros = new Map();
  const target = targetMacros(LINUX, opts.lang ?? 'c');
  for (const [k, v] of target.defined) macros.set(k, { body: v, certain: true });
  for (const [k, v] of Object.entries(opts.defines ?? {})) macros.set(k, { body: v, certain: true });
  const views: FileView[] = [];
  const ctx: PreprocessContext = {
    macros, absent: target.absent, controlled: new Set(), once: new Set(), stats: { unknownConditions: 0, tooDeep: 0 },
    view: (v) => views.push(v),
    resolve: (inc) => (opts.files?.[inc.path] !== undefined ? { file: inc.path, text: opts.files[inc.path] } : undefined),
  };
  preprocessFile('main.c', text, opts.segments, ctx);
  const main = views.find((v) => v.file === 'main.c');
  return { parse: main?.parseText ?? '', views, stats: ctx.stats, macros };
}

/** The kept code, whitespace squeezed: what the parser will see. */
const code = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('preprocessor', () => {
  it('keeps the branch the target takes and blanks the rest, offsets and line breaks intact', () => {
    const text = '#ifdef _WIN32\nint win(void);\n#elif defined(__linux__) && __x86_64__\nint lin(void); /* 注释 😀 */\n#else\nint other(void);\n#endif\r\nint after;\r\n';
    const { parse } = run(text);
    assert.equal(parse.length, text.length, 'same length: offsets are the file\'s');
    assert.equal(code(parse), 'int lin(void); /* 注释 😀 */ int after;');
    assert.equal(parse.split(/\r\n|\n/).length, text.split(/\r\n|\n/).length, 'same lines');
    assert.equal(parse.indexOf('int lin'), text.indexOf('int lin'));
    assert.ok(parse.includes('\r\n'), 'CRLF kept');
  });

  it('decides by the unit\'s #defines, -D flags, and __cplusplus in C++ units only', () => {
    const text = '#define LEVEL 3\n#if LEVEL * 2 > 5 && defined(FAST)\nint fast;\n#endif\n#ifdef __cplusplus\nint cpp;\n#endif\n';
    assert.equal(code(run(text, { defines: { FAST: '1' } }).parse), 'int fast;');
    assert.equal(code(run(text).parse), '', 'FAST undefined: no -D, no #define');
    assert.equal(code(run(text, { lang: 'cpp', defines: { FAST: '1' } }).parse), 'int fast; int cpp;');
  });

  it('keeps both branches of a condition on a macro a system header may define, and counts it', () => {
    const text = '#ifdef SIGPIPE\nint a;\n#else\nint b;\n#endif\n#ifdef MY_OPTION\nint c;\n#endif\n';
    const r = run(text);
    assert.match(code(r.parse), /int a;.*int b;/);
    assert.ok(!r.parse.includes('int c;'), 'a project macro nobody defines is undefined, as the compiler sees it');
    assert.equal(r.stats.unknownConditions, 1);
    assert.ok(mayBeSystemMacro('PATH_MAX') && mayBeSystemMacro('__GLIBC__') && !mayBeSystemMacro('SUPPORT_PNG'));
  });

  it('follows #include with the macro state, once per include guard, and reads no header twice', () => {
    const header = '#ifndef LIB_H\n#define LIB_H\n#define LIB_SIZE 16\nint lib(void);\n#endif\n';
    const r = run('#include "lib.h"\n#include "lib.h"\n#if LIB_SIZE == 16\nint sized;\n#endif\n', { files: { 'lib.h': header } });
    assert.deepEqual(r.views.map((v) => v.file), ['lib.h', 'main.c'], 'the second include leaves nothing to parse');
    assert.equal(code(r.parse), 'int sized;');
  });

  it('blanks macros that expand to nothing or to attributes, and writes short expansions in place', () => {
    const text = '#define API\n#define HIDDEN __attribute__((visibility("hidden")))\n#define LIT(T) (T)\nAPI int f(void);\nHIDDEN int g(void);\nint h = LIT(int){1};\n';
    const { parse } = run(text);
    assert.equal(parse.length, text.length);
    assert.equal(code(parse), 'int f(void); int g(void); int h = (int) {1};');
  });

  it('reads only the given segments of a text (a preamble inside a Go file)', () => {
    const go = 'package p\n\n// #define N 2\n// #if N == 2\n// int two;\n// #endif\nimport "C"\n';
    const segments = [...go.matchAll(/^\/\/ (.*\n)/gm)].map((m) => ({ start: m.index! + 3, end: m.index! + m[0].length }));
    const { parse } = run(go, { segments });
    assert.equal(code(parse), 'int two;');
    assert.equal(parse.indexOf('two'), go.indexOf('two'), 'C nodes keep their Go-file offsets');
  });
});

describe('constant expressions', () => {
  const value = (expr: string, macros: Macros = new Map()) => evaluate(expandMacros(tokenize(expr), macros).tokens, { ident: () => null });

  it('evaluate C integers, operators and macros', () => {
    const m: Macros = new Map([['N', { body: '(4 << 2)', certain: true }], ['SQ', { params: ['x'], body: '((x) * (x))', certain: true }], ['CAT', { params: ['a', 'b'], body: 'a ## b', certain: true }], ['AB', { body: '7', certain: true }]]);
    assert.equal(value('N + 0x10 - 010', m), 24n);
    assert.equal(value('SQ(3) % 5 == 4 ? 1 : 2', m), 1n);
    assert.equal(value('CAT(A, B) * 2', m), 14n);
    assert.equal(value("'A' + 1UL", m), 66n);
    assert.equal(value('(unsigned long)-1 >> 63'), -1n >> 63n);
  });

  it('are unknown when a part is, unless the known part decides', () => {
    assert.equal(value('X + 1'), null);
    assert.equal(value('0 && X'), 0n);
    assert.equal(value('X || 1'), 1n);
    assert.equal(value('1 / 0'), null);
  });
});
