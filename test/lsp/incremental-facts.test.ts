// The language server re-extracts one function per keystroke in big Go files (lsp/incremental-go.ts).
// Its facts must equal a full extraction of the same text, on both backends, for every fixture Go
// file and a generated cgo file, across edits that add and remove statements, closures, panics,
// C calls and comments. Edits that leave a syntax error may differ while the error lasts, but the
// next valid text must agree again.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { extractGo } from '../../server/src/model/extract-go';
import type { GoFileFacts } from '../../server/src/model/facts';
import type { FactCache } from '../../server/src/model/package';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { IncrementalGo } from '../../server/src/lsp/incremental-go';
import { RULE_FIXTURES } from '../harness/lsp-client';
import { sourceFiles } from '../harness/wants';
import { rng } from '../harness/rng';

const STATEMENTS = [
  'panic("boom")',
  'go func() { C.step0(1) }()',
  'defer func() { recover() }()',
  'x := map[string]int{"a": 1}; _ = x',
  '// g0guard:ignore export-panic checked above',
  'if depth%1000 == 999 { done := make(chan struct{}); go func() { defer close(done) }(); <-done }',
  'log.Panicf("bad %d", 1)',
];

/** Lines strictly inside top-level function bodies, as [lineStart offsets]. */
function bodyLines(text: string, facts: GoFileFacts): number[] {
  const out: number[] = [];
  for (const f of facts.funcs) {
    if (f.parent !== undefined || !f.hasBody) continue;
    const open = text.indexOf('\n', f.span.start);
    const close = text.lastIndexOf('\n', f.span.end - 1);
    for (let i = open; i >= 0 && i < close; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  }
  return out;
}

function bigCgoFile(): string {
  const lines = ['package bench', '', '/*', '#include <stdlib.h>'];
  for (let i = 0; i < 40; i++) lines.push(`extern void goStep${i}(int);`, `void step${i}(int n) { if (n > 0) goStep${i}(n - 1); }`);
  lines.push('*/', 'import "C"', '', 'import (', '\t"fmt"', '\t"log"', ')', '', 'var table = map[int]int{}', '');
  for (let i = 0; i < 120; i++) {
    lines.push(`// work${i} does a little work.`, `func work${i}(n int) int {`, '\ttotal := 0', '\tfor j := 0; j < n; j++ {', `\t\ttotal += j * ${i}`, '\t}',
      `\tC.step${i % 40}(C.int(n))`, '\tf := func() int { return total }', '\treturn f()', '}', '');
    if (i % 30 === 0) lines.push(`var hook${i} = func() { fmt.Println(${i}) }`, '');
  }
  lines.push('//export goStep0', 'func goStep0(n C.int) {', '\tC.step0(n)', '\tlog.Println(n)', '}');
  return lines.join('\n') + '\n';
}

for (const name of ['wasm', 'native'] as const) {
  describe(`incremental Go facts (${name})`, () => {
    let backend: ParserBackend;
    before(async () => { backend = await createBackend(name); });

    /** `keepBraces`: never delete a line with a brace (typing rarely leaves a body unbalanced for long). */
    const check = (file: string, start: string, edits: number, seed: number, keepBraces = false) => {
      const cache: FactCache = new Map();
      const inc = new IncrementalGo(() => backend, cache, 0);
      const random = rng(seed);
      let text = start;
      cache.set(file, { text, facts: extractGo(backend, text, false) });
      let pieces = 0, compared = 0, skeletonEdits = 0, skeletons = 0;
      let undo: string | undefined;
      for (let k = 0; k < edits; k++) {
        const full = cache.get(file)!.facts as GoFileFacts;
        const lines = bodyLines(text, full);
        if (lines.length === 0) return { pieces, compared, skeletonEdits, skeletons };
        const at = lines[Math.floor(random() * lines.length)];
        const end = text.indexOf('\n', at);
        const roll = random();
        let between = false;
        const tops = full.funcs.filter((f) => f.parent === undefined && f.hasBody && text.lastIndexOf('\n', f.span.start - 1) === f.span.start - 1);
        if (undo !== undefined) { text = undo; undo = undefined; } // backspace over the half-typed word
        else if (roll < 0.2 && tops.length) {
          // Between functions: a directive or a comment above one, or a line of C in the preamble.
          const f = tops[Math.floor(random() * tops.length)];
          const preambleEnd = text.indexOf('*/\nimport "C"');
          const kind = Math.floor(random() * 5);
          if (kind >= 3) { undo = text; text = text.slice(0, f.span.start) + (kind === 3 ? 'var half = (\n' : '/* open\n') + text.slice(f.span.start); } // undone next edit
          else {
            if (kind === 2 && preambleEnd > 0) text = text.slice(0, preambleEnd) + 'static int zz' + k + ';\n' + text.slice(preambleEnd);
            else text = text.slice(0, f.span.start) + (kind === 0 ? '//go:norace\n' : '// between functions\n\n') + text.slice(f.span.start);
            between = true;
            skeletonEdits++;
          }
        } else if (roll < 0.5) text = text.slice(0, at) + '\t' + STATEMENTS[Math.floor(random() * STATEMENTS.length)] + '\n' + text.slice(at);
        else if (roll < 0.75 && end > at && !(keepBraces && /[{}]/.test(text.slice(at, end)))) text = text.slice(0, at) + text.slice(end + 1); // delete a line
        else { undo = text; text = text.slice(0, at) + '\t' + 'x'.repeat(1 + Math.floor(random() * 3)) + text.slice(at); } // a half-typed word
        const stats = inc.update(file, text);
        if (stats.mode === 'piece') pieces++;
        if (between && stats.mode === 'skeleton') skeletons++;
        const expected = extractGo(backend, text, false);
        const got = cache.get(file)!;
        assert.equal(got.text, text);
        if (expected.errors === 0) {
          assert.deepEqual(got.facts, expected, `facts differ after edit ${k} (seed ${seed}) of ${file}`);
          compared++;
        }
      }
      return { pieces, compared, skeletonEdits, skeletons };
    };

    it('equals a full extraction on a generated 1,400-line cgo file', () => {
      const { pieces, compared, skeletonEdits, skeletons } = check('/virtual/big.go', bigCgoFile(), 150, 7, true);
      assert.ok(pieces > 80, `most edits should take the one-function path (took ${pieces})`);
      assert.ok(skeletons >= skeletonEdits - 2 && skeletonEdits > 10, `edits between functions re-read the skeleton (${skeletons} of ${skeletonEdits})`);
      assert.ok(compared > 30, `enough valid states compared (${compared})`);
    });

    it('equals a full extraction on every fixture Go file', () => {
      const files = sourceFiles(RULE_FIXTURES).filter((f) => f.endsWith('.go'));
      assert.ok(files.length > 50);
      let compared = 0;
      files.forEach((file, i) => { compared += check(file, fs.readFileSync(file, 'utf8'), 12, i + 1).compared; });
      assert.ok(compared > files.length, `compared ${compared} valid states over ${files.length} files`);
      void path;
    });
  });
}
