// C constant expressions, as the preprocessor (#if) and frame sizes (`char buf[N * 2]`) need them:
// preprocessing tokens, macro expansion (object-like and function-like, # and ##), and evaluation
// in 64-bit integers. A value can be unknown (a macro from a header that is never read) or, for
// sizes, decided at run time (a variable or a call): both are told apart from a known number.

export interface Token { text: string; kind: 'ident' | 'number' | 'char' | 'string' | 'punct' }

export interface Macro {
  /** Undefined for an object-like macro. */
  params?: string[];
  variadic?: boolean;
  body: string;
  /** False when the definition sits in a branch of an #if that may or may not be taken. */
  certain: boolean;
  /** Tokens of `body`, filled in on first use. */
  tokens?: Token[];
}

/** A macro table: a name maps to its definition, or to null when it is known to be undefined. */
export type Macros = Map<string, Macro | null>;

const PUNCT3 = new Set(['<<=', '>>=', '...', '->*']);
const PUNCT2 = new Set(['<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '##', '->', '++', '--', '::', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '.*']);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) { i++; continue; }
    if (c === 92 /* \ */ && (text[i + 1] === '\n' || text[i + 1] === '\r')) { i += 2; continue; }
    if (c === 47 /* / */ && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (c === 47 && text[i + 1] === '/') { const e = text.indexOf('\n', i); i = e < 0 ? n : e; continue; }
    const start = i;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      // String and char literals with an encoding prefix (L"", u8"", U'') are literals, not names.
      if ((text[i] === '"' || text[i] === "'") && /^(L|u|U|u8)$/.test(text.slice(start, i))) { i = skipQuoted(text, i); out.push({ text: text.slice(start, i), kind: text[start + (i - start > 2 && text[start + 1] === '8' ? 2 : 1)] === '"' ? 'string' : 'char' }); continue; }
      out.push({ text: text.slice(start, i), kind: 'ident' });
    } else if ((c >= 48 && c <= 57) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d === 43 || d === 45) && /[eEpP]/.test(text[i - 1])) { i++; continue; }
        if (isIdentPart(d) || d === 46 || d === 39 /* C++14 digit separator */) { i++; continue; }
        break;
      }
      out.push({ text: text.slice(start, i), kind: 'number' });
    } else if (c === 34 || c === 39) {
      i = skipQuoted(text, i);
      out.push({ text: text.slice(start, i), kind: c === 34 ? 'string' : 'char' });
    } else {
      const three = text.slice(i, i + 3), two = text.slice(i, i + 2);
      const p = PUNCT3.has(three) ? three : PUNCT2.has(two) ? two : text[i];
      i += p.length;
      out.push({ text: p, kind: 'punct' });
    }
  }
  return out;
}

function skipQuoted(text: string, i: number): number {
  const q = text[i++];
  while (i < text.length && text[i] !== q && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return Math.min(text.length, i + 1);
}

export function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function macroTokens(m: Macro): Token[] {
  return (m.tokens ??= tokenize(m.body));
}

/** Result of expanding macros: the tokens, and whether a macro of uncertain definition took part. */
export interface Expansion { tokens: Token[]; uncertain: boolean }

const MAX_EXPANSIONS = 10_000;

/**
 * Expands every macro in `tokens`. `defined X` / `defined(X)` are left for the caller (the
 * preprocessor replaces them first). Names being expanded are not expanded again inside themselves.
 */
export function expandMacros(tokens: Token[], macros: Macros): Expansion {
  const state = { uncertain: false, budget: MAX_EXPANSIONS };
  return { tokens: expand(tokens, macros, new Set(), state), uncertain: state.uncertain };
}

function expand(tokens: Token[], macros: Macros, active: Set<string>, state: { uncertain: boolean; budget: number }): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const m = t.kind === 'ident' && !active.has(t.text) ? macros.get(t.text) : undefined;
    if (!m || state.budget-- <= 0) { out.push(t); continue; }
    if (m.params === undefined) {
      if (!m.certain) state.uncertain = true;
      active.add(t.text);
      out.push(...expand(substitute(m, []), macros, active, state));
      active.delete(t.text);
      continue;
    }
    if (tokens[i + 1]?.text !== '(') { out.push(t); continue; }
    const args = collectArgs(tokens, i + 1);
    if (!args) { out.push(t); continue; }
    if (!m.certain) state.uncertain = true;
    const expandedArgs = args.list.map((a) => expand(a, macros, active, state));
    active.add(t.text);
    out.push(...expand(substitute(m, args.list, expandedArgs), macros, active, state));
    active.delete(t.text);
    i = args.end;
  }
  return out;
}

/** The arguments of a call starting at `open` (a `(` token), split at top-level commas. */
function collectArgs(tokens: Token[], open: number): { list: Token[][]; end: number } | null {
  const list: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t === '(') depth++;
    else if (t === ')') {
      if (depth === 0) return { list: list.length === 1 && list[0].length === 0 ? [] : list, end: i };
      depth--;
    } else if (t === ',' && depth === 0) { list.push([]); continue; }
    list[list.length - 1].push(tokens[i]);
  }
  return null;
}

/** The body with parameters replaced: `#p` stringified, `a ## b` pasted, others by their expansion. */
function substitute(m: Macro, raw: Token[][], expanded: Token[][] = raw): Token[] {
  const body = macroTokens(m);
  if (!m.params) return body;
  const params = m.variadic ? [...m.params, '__VA_ARGS__'] : m.params;
  const argOf = (name: string, list: Token[][]): Token[] | undefined => {
    const k = params.indexOf(name);
    if (k < 0) return undefined;
    if (m.variadic && k === params.length - 1) {
      const rest = list.slice(k);
      return rest.flatMap((a, j) => (j === 0 ? a : [{ text: ',', kind: 'punct' as const }, ...a]));
    }
    return list[k] ?? [];
  };
  const out: Token[] = [];
  for (let i = 0; i < body.length; i++) {
    const t = body[i];
    if (t.text === '#' && body[i + 1]?.kind === 'ident' && argOf(body[i + 1].text, raw)) {
      out.push({ text: JSON.stringify(argOf(body[++i].text, raw)!.map((x) => x.text).join(' ')), kind: 'string' });
      continue;
    }
    const pasted = body[i + 1]?.text === '##' || body[i - 1]?.text === '##';
    const arg = t.kind === 'ident' ? argOf(t.text, pasted ? raw : expanded) : undefined;
    if (arg) out.push(...arg); else out.push(t);
  }
  return out.some((t) => t.text === '##') ? paste(out) : out;
}

/** `a ## b`: the neighbours of each ## joined into one token (an empty side pastes nothing). */
function paste(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text === '##' && out.length > 0 && i + 1 < tokens.length) {
      const left = out.pop()!;
      out.push(...tokenize(left.text + tokens[++i].text));
    } else if (tokens[i].text !== '##') out.push(tokens[i]);
  }
  return out;
}

/** An integer value, or null when it cannot be known here. */
export type Value = bigint | null;

export interface EvalHooks {
  /** A name left after expansion: its value, null when unknown. */
  ident(name: string): Value;
  /** `sizeof(...)` / `sizeof x` with the tokens it applies to; absent in #if. */
  sizeOf?(tokens: Token[]): Value;
  /** A call `f(...)` of a name that is not a macro: null (unknown) unless the hook knows better. */
  call?(name: string, args: Token[]): Value;
}

/**
 * Evaluates a constant expression over tokens (macros already expanded). Returns null when a part
 * it depends on is unknown, or when the text is not an expression.
 */
export function evaluate(tokens: Token[], hooks: EvalHooks): Value {
  const p = new Evaluator(tokens, hooks);
  try {
    const v = p.conditional();
    return p.done() ? v : null;
  } catch {
    return null;
  }
}

const TYPE_WORDS = new Set(['int', 'long', 'short', 'char', 'unsigned', 'signed', 'float', 'double', 'const', 'volatile', 'struct', 'union', 'enum', 'void', '_Bool', 'bool', 'size_t', 'ssize_t', 'ptrdiff_t', 'intptr_t', 'uintptr_t', 'int8_t', 'uint8_t', 'int16_t', 'uint16_t', 'int32_t', 'uint32_t', 'int64_t', 'uint64_t', 'off_t']);

class Evaluator {
  private pos = 0;
  constructor(private readonly t: Token[], private readonly hooks: EvalHooks) {}

  done(): boolean { return this.pos === this.t.length; }
  private peek(): string | undefined { return this.t[this.pos]?.text; }
  private eat(s: string): boolean { if (this.peek() === s) { this.pos++; return true; } return false; }
  private expect(s: string): void { if (!this.eat(s)) throw new Error(`expected ${s}`); }

  conditional(): Value {
    const c = this.binary(0);
    if (!this.eat('?')) return c;
    const a = this.conditional();
    this.expect(':');
    const b = this.conditional();
    if (c === null) return a !== null && a === b ? a : null;
    return c !== 0n ? a : b;
  }

  private static readonly LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  private binary(level: number): Value {
    if (level >= Evaluator.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.peek();
      if (op === undefined || !Evaluator.LEVELS[level].includes(op)) return left;
      this.pos++;
      const right = this.binary(level + 1);
      left = apply(op, left, right);
    }
  }

  private unary(): Value {
    const op = this.peek();
    if (op === '!' || op === '-' || op === '+' || op === '~') {
      this.pos++;
      const v = this.unary();
      if (v === null) return null;
      return op === '!' ? (v === 0n ? 1n : 0n) : op === '-' ? wrap(-v) : op === '~' ? wrap(~v) : v;
    }
    if (op === 'sizeof') {
      this.pos++;
      let inner: Token[];
      if (this.peek() === '(') inner = this.group();
      else { const start = this.pos; this.unary(); inner = this.t.slice(start, this.pos); }
      return this.hooks.sizeOf ? this.hooks.sizeOf(inner) : null;
    }
    if (op === '(' && this.isCast()) { this.group(); return this.unary(); }
    return this.primary();
  }

  /** `(unsigned long)`, `(size_t)`: a parenthesized list of type words before an operand. */
  private isCast(): boolean {
    let i = this.pos + 1, words = 0;
    while (i < this.t.length && this.t[i].text !== ')') {
      const x = this.t[i].text;
      if (!TYPE_WORDS.has(x) && x !== '*') return false;
      words++; i++;
    }
    const next = this.t[i + 1];
    return words > 0 && i < this.t.length && next !== undefined && (next.kind !== 'punct' || next.text === '(' || next.text === '-' || next.text === '~' || next.text === '!');
  }

  /** Consumes `( ... )` and returns what is inside. */
  private group(): Token[] {
    this.expect('(');
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.t.length) {
      const s = this.t[this.pos].text;
      if (s === '(') depth++;
      else if (s === ')') { if (depth === 0) break; depth--; }
      this.pos++;
    }
    const inner = this.t.slice(start, this.pos);
    this.expect(')');
    return inner;
  }

  private primary(): Value {
    const tok = this.t[this.pos++];
    if (!tok) throw new Error('expression ends early');
    if (tok.text === '(') { const v = this.conditional(); this.expect(')'); return v; }
    if (tok.kind === 'number') return intValue(tok.text);
    if (tok.kind === 'char') return charValue(tok.text);
    if (tok.kind === 'ident') {
      if (this.peek() === '(') { const args = this.group(); return this.hooks.call ? this.hooks.call(tok.text, args) : null; }
      if (tok.text === 'true') return 1n;
      if (tok.text === 'false') return 0n;
      return this.hooks.ident(tok.text);
    }
    throw new Error(`unexpected ${tok.text}`);
  }
}

function apply(op: string, a: Value, b: Value): Value {
  // Logical operators decide without the unknown side when the known side is enough.
  if (op === '&&') return a === 0n || b === 0n ? 0n : a === null || b === null ? null : 1n;
  if (op === '||') return (a !== null && a !== 0n) || (b !== null && b !== 0n) ? 1n : a === null || b === null ? null : 0n;
  if (a === null || b === null) return op === '*' && (a === 0n || b === 0n) ? 0n : null;
  switch (op) {
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '<<': return b < 0n || b > 63n ? null : wrap(a << b);
    case '>>': return b < 0n || b > 63n ? null : a >> b;
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/': return b === 0n ? null : a / b;
    case '%': return b === 0n ? null : a % b;
    default: return null;
  }
}

function wrap(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** A C integer literal (decimal, hex, octal, binary; u/l suffixes; ' separators), else null. */
export function intValue(text: string): Value {
  const t = text.replace(/'/g, '').replace(/(?:[uU](?:ll|LL|l|L)?|(?:ll|LL|l|L)[uU]?|[zZ][uU]?|[uU][zZ])$/, '');
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[bB][01]+$/.test(t)) return wrap(BigInt(t));
    if (/^0[0-7]*$/.test(t)) return BigInt('0o' + (t.slice(1) || '0'));
    if (/^[1-9][0-9]*$/.test(t)) return wrap(BigInt(t));
  } catch { /* not a literal */ }
  return null;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11, '?': 63 };

function charValue(text: string): Value {
  const body = text.slice(text.indexOf("'") + 1, -1);
  if (body.length === 1) return BigInt(body.charCodeAt(0));
  if (body[0] === '\\' && body.length === 2 && body[1] in ESCAPES) return BigInt(ESCAPES[body[1]]);
  if (/^\\x[0-9a-fA-F]+$/.test(body)) return BigInt('0x' + body.slice(2));
  if (/^\\[0-7]{1,3}$/.test(body)) return BigInt('0o' + body.slice(1));
  return null;
}
