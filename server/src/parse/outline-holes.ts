// The parts of a Go file an outline read never looks at (function bodies, initializer literals,
// const groups), found by a small lexer rather than a parse. The outline parses only the text
// around them (tree-sitter's includedRanges): most of the cost of reading a package that the
// analysis never enters is in them.
import type { TextRange } from './backend';
import { blockCommentEnd, literalEnd } from './go-lexical';

const KEYWORDS = new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var']);
/** Keywords after which a newline ends the statement (the Go spec's semicolon rule). */
const ENDING_KEYWORDS = new Set(['break', 'continue', 'fallthrough', 'return']);

const NL = 10, CR = 13, SPACE = 32, TAB = 9, SLASH = 47, STAR = 42, QUOTE = 34, BACKQUOTE = 96, APOS = 39;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_PAREN = 40, CLOSE_PAREN = 41, CLOSE_BRACKET = 93;

/** Go tokens, comments dropped; a newline or comment that the spec turns into a semicolon is ';'. */
class Scanner {
  private i = 0;
  /** Whether a newline here ends the statement. */
  private ends = false;

  constructor(private readonly text: string) {}

  /** The next token: punctuation and keywords as themselves, other words and literals as '' ; undefined at the end. */
  next(): string | undefined {
    const text = this.text, n = text.length;
    while (this.i < n) {
      const c = text.charCodeAt(this.i), start = this.i;
      if (c === NL) {
        this.i++;
        if (this.ends) return this.semicolon();
      } else if (c === SPACE || c === TAB || c === CR) this.i++;
      else if (c === SLASH && text.charCodeAt(this.i + 1) === SLASH) {
        this.i = lineEnd(text, this.i);
      } else if (c === SLASH && text.charCodeAt(this.i + 1) === STAR) {
        const end = blockCommentEnd(text, this.i);
        const spansLines = end < 0 || text.lastIndexOf('\n', end - 1) > this.i;
        this.i = end < 0 ? ~end : end;
        if (spansLines && this.ends) return this.semicolon();
      } else if (c === QUOTE || c === APOS || c === BACKQUOTE) {
        this.i = skipLiteral(text, this.i);
        return this.token('', true);
      } else if (isWordChar(c)) {
        while (this.i < n && isWordChar(text.charCodeAt(this.i))) this.i++;
        const word = text.slice(start, this.i);
        if (!KEYWORDS.has(word)) return this.token('', true);
        return this.token(word, ENDING_KEYWORDS.has(word));
      } else {
        this.i++;
        return this.token(text[start], c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE);
      }
    }
    return undefined;
  }

  /** Skips to the close matching the open that was the last token; returns what is between them. */
  skipBlock(open: number, close: number): TextRange {
    const text = this.text, n = text.length, start = this.i;
    let depth = 1;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === open) { depth++; i++; } else if (c === close) {
        if (--depth === 0) break;
        i++;
      } else if (c === QUOTE || c === APOS || c === BACKQUOTE) i = skipLiteral(text, i);
      else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = lineEnd(text, i);
      else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const end = blockCommentEnd(text, i);
        i = end < 0 ? ~end : end;
      } else i++;
    }
    this.i = Math.min(n, i + 1);
    this.ends = true;
    return { start, end: i };
  }

  private token(value: string, ends: boolean): string {
    this.ends = ends;
    return value;
  }

  private semicolon(): string {
    this.ends = false;
    return ';';
  }
}

/** Past a string, rune or raw string literal starting at `i` (an unclosed one ends at its line, or the text for raw). */
function skipLiteral(text: string, i: number): number {
  const end = literalEnd(text, i);
  return end < 0 ? ~end : end;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 0x80;
}

function isOpen(t: string): boolean { return t === '(' || t === '[' || t === '{'; }
function isClose(t: string): boolean { return t === ')' || t === ']' || t === '}'; }

/**
 * What an outline read leaves unparsed, in order: the insides of top-level function bodies, of the
 * braces in var initializers (composite and func literals), and of const groups. None of it is
 * read by an outline. Only a `func` that starts a declaration is a function; braces of struct and
 * interface types are kept.
 */
export function outlineHoles(text: string): TextRange[] {
  const holes: TextRange[] = [];
  const scan = new Scanner(text);
  let depth = 0, declStart = true, decl = '', prev = '';
  for (let t = scan.next(); t !== undefined; prev = t, t = scan.next()) {
    if (declStart && depth === 0) decl = t;
    if (t === 'func' && depth === 0 && declStart) {
      const body = signatureThenBody(scan);
      if (body) holes.push(body);
      declStart = !body; // a bodiless declaration ended on its ';'
      continue;
    }
    if (prev === 'const' && t === '(' && depth === 0) { holes.push(scan.skipBlock(OPEN_PAREN, CLOSE_PAREN)); continue; }
    if (decl === 'var' && t === '{' && prev !== 'struct' && prev !== 'interface') { holes.push(scan.skipBlock(OPEN_BRACE, CLOSE_BRACE)); declStart = false; continue; }
    if (isOpen(t)) depth++;
    else if (isClose(t)) depth = Math.max(0, depth - 1);
    declStart = depth === 0 && t === ';';
  }
  return holes;
}

/** After `func`: reads the signature; returns the body's inside, or undefined for a bodiless declaration. */
function signatureThenBody(scan: Scanner): TextRange | undefined {
  let depth = 0;
  let prev = '';
  for (let t = scan.next(); t !== undefined; t = scan.next()) {
    if (depth === 0 && t === ';') return undefined;
    if (depth === 0 && t === '{' && prev !== 'struct' && prev !== 'interface') return scan.skipBlock(OPEN_BRACE, CLOSE_BRACE);
    if (isOpen(t)) depth++;
    else if (isClose(t)) depth = Math.max(0, depth - 1);
    prev = t;
  }
  return undefined;
}

/** The complement of `holes` (sorted, disjoint) within the text: what an outline parse reads. */
export function rangesAround(length: number, holes: TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  let at = 0;
  for (const h of holes) {
    if (h.start > at) out.push({ start: at, end: h.start });
    at = h.end;
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}
