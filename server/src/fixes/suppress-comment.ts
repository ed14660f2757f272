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
  const indent = indentAt(text, f.span.start);
  const inLinePreamble = f.file.path.endsWith('.go') && line.slice(indent.length).startsWith('//');
  const comment = `${inLinePreamble ? '// ' : ''}//g0guard:ignore ${f.rule} ${REASON_PLACEHOLDER}`;
  return {
    title: `Suppress ${f.rule} on this line (//g0guard:ignore, then write the reason)`,
    edits: [{ file: f.file, span: { start, end: start }, newText: indent + comment + eolOf(text) }],
  };
}
