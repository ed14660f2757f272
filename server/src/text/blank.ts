// Text with parts left out by turning them into spaces: line breaks stay, so every offset, line and
// column of what is kept is the original's. Parsers read such text instead of taking one included
// range per gap (tree-sitter slows down with thousands of ranges; blank text costs it nothing).
import type { TextRange } from '../parse/backend';

/** `text[from, to)` as spaces, its line breaks kept. */
export function blank(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; ) {
    let nl = i;
    while (nl < to && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
    out += ' '.repeat(nl - i);
    if (nl < to) out += text[nl];
    i = nl + 1;
  }
  return out;
}

/** `text` with each of `gaps` (sorted, disjoint) blanked. */
export function blankGaps(text: string, gaps: TextRange[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const g of gaps) {
    parts.push(text.slice(at, g.start), blank(text, g.start, g.end));
    at = g.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
