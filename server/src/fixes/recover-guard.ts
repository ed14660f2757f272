// Fix for export-panic: a deferred recover at the top of the exported function's body, so a panic
// stops there instead of unwinding through the C frames that called it (hazards.md fact 6).
import type { Fix } from '../findings/finding';
import type { FuncNode } from '../graph/callgraph';
import { bodyOpenBrace, eolOf, indentAt } from './go-source';

/**
 * The guard recovers directly in the deferred literal (a recover one call deeper returns nil) and
 * lets the function return what its results hold: zero values, or named results as set so far.
 * It needs no import (println writes to stderr) and no change to the signature, so it compiles
 * whatever the results are.
 */
export function recoverGuardFix(node: FuncNode): Fix | undefined {
  const f = node.go;
  if (!f || !f.hasBody) return undefined;
  const text = node.file.text;
  const brace = bodyOpenBrace(text, f.span);
  if (brace < 0) return undefined;
  const eol = eolOf(text);
  const inner = indentAt(text, f.span.start) + '\t';
  const named = f.results.some((r) => r.name !== '' && r.name !== '_');
  const returns = f.results.length === 0 ? 'returning to C' : named ? 'returning its named results to C' : 'returning zero results to C';
  const guard = [
    'defer func() {',
    '\t// A panic must not unwind through the C frames that called this export (g0guard export-panic).',
    '\tif r := recover(); r != nil {',
    `\t\tprintln("${f.name}: recovered a panic, ${returns}")`,
    '\t}',
    '}()',
  ].map((l) => inner + l).join(eol);
  // After the brace: on its own line when the body already starts on the next line, else the rest
  // of a one-line body moves below the guard.
  let end = brace + 1;
  while (text[end] === ' ' || text[end] === '\t') end++;
  const ownLine = text[end] === '\n' || text[end] === '\r';
  return {
    title: `Recover panics at the top of ${f.name} (${returns.replace('returning', 'return')})`,
    preferred: true,
    edits: [{ file: node.file, span: { start: brace + 1, end: ownLine ? brace + 1 : end }, newText: eol + guard + (ownLine ? '' : eol + inner) }],
  };
}
