// A lexer for Go and C/C++ text, positions only: what the editor features need to tell names from
// comments and literals (references, preamble highlighting) without parsing. Go adds raw strings
// in backquotes; C adds preprocessor directives (`#include` at the start of a line).
import { isIdentPart, isIdentStart } from '../parse/c-expr';

export type CodeTokenKind = 'comment' | 'string' | 'char' | 'number' | 'ident' | 'punct' | 'directive';

/** Calls `visit` for each token of `text[from, to)` in order; stops early when it returns false. */
export function scanTokens(text: string, lang: 'go' | 'c', visit: (kind: CodeTokenKind, start: number, end: number) => boolean | void, from = 0, to = text.length): void {
  let i = from;
  let lineStart = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) { lineStart = true; i++; continue; }
    if (c === 32 || c === 9 || c === 11 || c === 12) { i++; continue; }
    const start = i;
    let kind: CodeTokenKind;
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      i = lineEnd(text, i, to, lang === 'c');
      kind = 'comment';
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close + 2 > to ? to : close + 2;
      kind = 'comment';
    } else if (c === QUOTE || c === APOSTROPHE) {
      i = quotedEnd(text, i, to);
      kind = c === QUOTE ? 'string' : 'char';
    } else if (c === BACKQUOTE && lang === 'go') {
      const close = text.indexOf('`', i + 1);
      i = close < 0 || close + 1 > to ? to : close + 1;
      kind = 'string';
    } else if (c === HASH && lang === 'c' && lineStart) {
      i++;
      while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      while (i < to && isIdentPart(text.charCodeAt(i))) i++;
      kind = 'directive';
    } else if (isIdentStart(c)) {
      while (i < to && isIdentPart(text.charCodeAt(i))) i++;
      // An encoding prefix makes a literal (L"x", u8'c'), not a name.
      const next = text.charCodeAt(i);
      if (lang === 'c' && (next === QUOTE || next === APOSTROPHE) && /^(L|u|U|u8)$/.test(text.slice(start, i))) {
        i = quotedEnd(text, i, to);
        kind = next === QUOTE ? 'string' : 'char';
      } else kind = 'ident';
    } else if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isIdentPart(d) || d === DOT || d === APOSTROPHE) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(text[i - 1])) i++;
        else break;
      }
      kind = 'number';
    } else {
      i++;
      kind = 'punct';
    }
    lineStart = false;
    if (visit(kind, start, i) === false) return;
  }
}

/** The identifier around `offset` (touching it on either side), if any. */
export function identifierAt(text: string, offset: number): { start: number; end: number; name: string } | undefined {
  let start = offset, end = offset;
  while (start > 0 && isIdentPart(text.charCodeAt(start - 1))) start--;
  while (end < text.length && isIdentPart(text.charCodeAt(end))) end++;
  if (start === end || !isIdentStart(text.charCodeAt(start))) return undefined;
  return { start, end, name: text.slice(start, end) };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Past a quoted literal; an unclosed one ends at its line's end. */
function quotedEnd(text: string, i: number, to: number): number {
  const quote = text.charCodeAt(i);
  for (let j = i + 1; j < to; j++) {
    const d = text.charCodeAt(j);
    if (d === BACKSLASH) j++;
    else if (d === 10 || d === 13) return j;
    else if (d === quote) return j + 1;
  }
  return to;
}

/** The end of a line comment; in C a backslash before the line break continues it. */
function lineEnd(text: string, i: number, to: number, continued: boolean): number {
  for (;;) {
    let j = i;
    while (j < to && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    if (!continued || j >= to || text.charCodeAt(j - 1) !== BACKSLASH) return j;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
}

const SLASH = 47, STAR = 42, QUOTE = 34, APOSTROPHE = 39, BACKQUOTE = 96, HASH = 35, BACKSLASH = 92, DOT = 46;
