// The preamble is found exactly as cmd/cgo finds it, and its C keeps Go-file offsets on both backends.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CUnitFacts } from '../../server/src/model/c-facts';
import { extractC } from '../../server/src/model/extract-c';
import { extractGo } from '../../server/src/model/extract-go';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { findPreambles } from '../../server/src/parse/preamble';
import { preprocessFile } from '../../server/src/parse/preprocess';

const backends: ParserBackend[] = [];
before(async () => { backends.push(await createBackend('native'), await createBackend('wasm')); });

/** The preamble's C as a unit reads it: preprocessed in place, parsed at the Go file's offsets. */
function preambleC(b: ParserBackend, text: string): CUnitFacts | undefined {
  const p = extractGo(b, text, false).preamble;
  if (!p) return undefined;
  let parseText = '';
  preprocessFile('p.go', text, p.ranges, {
    macros: new Map(), absent: new Set(), controlled: new Set(), once: new Set(), stats: { unknownConditions: 0, tooDeep: 0 },
    resolve: () => undefined, view: (v) => { parseText = v.parseText; },
  });
  return extractC(b, 'c', parseText);
}

function cFuncs(b: ParserBackend, text: string): string[] {
  return preambleC(b, text)?.funcs.map((f) => f.name) ?? [];
}

describe('cgo preamble', () => {
  it('is the doc comment of import "C" (block comment), with #cgo lines left out', () => {
    const text = 'package p\n\n/*\n#cgo LDFLAGS: -lm\nstatic int one(void) { return 1; }\n*/\nimport "C"\n';
    for (const b of backends) {
      const facts = preambleC(b, text);
      assert.deepEqual(facts?.funcs.map((f) => f.name), ['one'], b.name);
      assert.equal(facts?.errors, 0, `${b.name}: #cgo line is not parsed as C`);
      assert.deepEqual(extractGo(b, text, false).preamble?.cgo.map((l) => l.text), ['#cgo LDFLAGS: -lm']);
    }
  });

  it('accepts line comments and keeps every C node at its Go-file offset, CJK and CRLF included', () => {
    const text = 'package p\r\n\r\n// // 注释 😀 comment\r\n// static int two(void) { return 2; }\r\nimport "C"\r\n';
    for (const b of backends) {
      const f = preambleC(b, text)!.funcs[0];
      assert.equal(f.name, 'two', b.name);
      assert.equal(text.slice(f.nameSpan.start, f.nameSpan.end), 'two', `${b.name}: offsets are the Go file's`);
    }
  });

  it('is the spec doc comment inside a grouped import', () => {
    const text = 'package p\n\nimport (\n\t"fmt"\n\t// static void g(void) {}\n\t"C"\n)\n\nvar _ = fmt.Sprint\n';
    for (const b of backends) assert.deepEqual(cFuncs(b, text), ['g'], b.name);
  });

  it('is the declaration doc comment only when the declaration has a single spec', () => {
    const single = 'package p\n\n// static void h(void) {}\nimport (\n\t"C"\n)\n';
    const several = 'package p\n\n// static void h(void) {}\nimport (\n\t"C"\n\t"fmt"\n)\n\nvar _ = fmt.Sprint\n';
    for (const b of backends) {
      assert.deepEqual(cFuncs(b, single), ['h'], b.name);
      assert.deepEqual(cFuncs(b, several), [], `${b.name}: a comment above a multi-spec import is not a preamble`);
    }
  });

  it('is not a comment separated from the import by a blank line, nor one trailing code', () => {
    const blank = 'package p\n\n// static void k(void) {}\n\nimport "C"\n';
    const trailing = 'package p // static void k(void) {}\nimport "C"\n';
    for (const b of backends) {
      assert.deepEqual(cFuncs(b, blank), [], b.name);
      assert.deepEqual(cFuncs(b, trailing), [], b.name);
    }
  });

  it('finds one preamble per "C" import, in every file of a package', () => {
    const text = 'package p\n\n// int a;\nimport "C"\n';
    for (const b of backends) {
      const tree = b.parse('go', text);
      assert.equal(findPreambles(tree.root, text).length, 1);
      tree.dispose();
    }
  });
});
