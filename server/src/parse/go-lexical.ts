// Where Go comments and literals end, for the small hand-written scanners that must not take a
// brace or quote inside them for code: outline-holes.ts and the incremental reader's balance check.
// Both ends are returned as in a binary search: a literal or comment that does not close gives ~stop
// (negative), where stop is where the scan gave up.

const NL = 10, BACKSLASH = 92, BACKQUOTE = 96;

/**
 * Just past the string, rune or raw string literal that starts at `i`; ~stop when it does not close
 * (stop is the line's end for a quoted literal, the text's end for a raw string).
 */
export function literalEnd(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  if (quote === BACKQUOTE) {
    const close = text.indexOf('`', i + 1);
    return close < 0 ? ~text.length : close + 1;
  }
  for (let j = i + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === BACKSLASH) j++;
    else if (d === NL) return ~j;
    else if (d === quote) return j + 1;
  }
  return ~text.length;
}

/** Just past the block comment that starts at `i`; ~text.length when it never closes. */
export function blockCommentEnd(text: string, i: number): number {
  const close = text.indexOf('*/', i + 2);
  return close < 0 ? ~text.length : close + 2;
}
