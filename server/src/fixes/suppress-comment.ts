// The fix every finding offers: `//g0guard:ignore RULE reason` on a line of its own above the
// finding, indented like it. A reason is required (findings/suppress.ts), so a placeholder asks for
// one. In C and in a `/* */` preamble the same `//` comment is C; inside a `//` preamble each line's
// C text follows the Go `//`, so the comment goes after one more `// `.
import type { Finding, Fix } from '../findings/finding';
import { eolOf, indentAt, lineEndAt, lineStartAt } from './go-source';

export const REASON_PLACEHOLDER = 'TODO: say why this is safe';

export function suppressionFix(f: Finding): Fix | undefined {
  if (f.rule === 'g0guard-ignore') return undefined;
  const text = f.file.text;
  const start = lineStartAt(text, f.span.start);
  const line = text.slice(start, lineEndAt(text, start));
  // In a `//` preamble line the C (and its indentation) follows the Go comment marker.
  const linePreamble = f.file.path.endsWith('.go') ? /^[ \t]*\/\/[ \t]*/.exec(line) : null;
  const lead = linePreamble ? linePreamble[0] : indentAt(text, f.span.start);
  return {
    title: `Suppress ${f.rule} on this line (//g0guard:ignore, then write the reason)`,
    edits: [{ file: f.file, span: { start, end: start }, newText: `${lead}//g0guard:ignore ${f.rule} ${REASON_PLACEHOLDER}${eolOf(text)}` }],
  };
}
