// Small helpers over syntax nodes shared by the Go and C extractors.
import type { SyntaxNode } from '../parse/backend';
import type { ArgFlow, DepthGuard, Span } from './facts';

export function span(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

export function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return node ? node.namedChildren.filter((n) => n.type !== 'comment') : [];
}

/**
 * Pairs each item with the innermost function whose span contains it (both lists sorted by start;
 * at one offset, `outside` items first). An `outside` item that starts where a function starts
 * belongs around it: a function literal itself, or a call of one (`func(){…}()`). A flag rather than
 * a start half an offset earlier: one fractional `start` stored anywhere makes V8 box the `start`
 * of every span in the heap as a double (16 bytes more each).
 */
export function assignToEnclosing<T extends { start: number; outside?: boolean }>(funcs: Span[], items: T[], visit: (item: T, func: number) => void): void {
  const stack: number[] = [];
  let next = 0;
  for (const item of items) {
    const at = item.outside ? item.start - 0.5 : item.start;
    while (next < funcs.length && funcs[next].start <= at) {
      while (stack.length && funcs[stack[stack.length - 1]].end <= funcs[next].start) stack.pop();
      stack.push(next++);
    }
    while (stack.length && funcs[stack[stack.length - 1]].end <= at) stack.pop();
    if (stack.length) visit(item, stack[stack.length - 1]);
  }
}

/** Parses an integer literal of Go or C (decimal, hex, octal, binary, with _ and C suffixes). */
export function intLiteral(text: string): number | null {
  const t = text.replace(/_/g, '').replace(/[uUlL]+$/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^0[bB][01]+$/.test(t)) return parseInt(t.slice(2), 2);
  if (/^0[oO]?[0-7]+$/.test(t)) return parseInt(t.replace(/^0[oO]?/, ''), 8);
  if (/^[0-9]+$/.test(t)) return parseInt(t, 10);
  return null;
}

const IGNORE = /^(?:\/\/|\/\*)\s*g0guard:ignore(?:\s+(\S+))?(?:\s+(.*?))?\s*(?:\*\/)?\s*$/;

/** `//g0guard:ignore RULE reason` in a Go or C comment, or null. */
export function parseIgnore(comment: string): { rule: string; reason: string } | null {
  const m = IGNORE.exec(comment.trim());
  return m ? { rule: m[1] ?? '', reason: (m[2] ?? '').trim() } : null;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/**
 * How an argument carries one of the caller's parameters: `p`, `p + 1`, `p - 2 + 1` (for depth
 * bounds). `unwrap` strips the language's casts and parentheses; `constant` reads an integer.
 * Walks the left spine iteratively: a 10,000-term sum must not exhaust the JS stack.
 */
export function argFlowOf(arg: SyntaxNode, params: { name: string }[], unwrap: (n: SyntaxNode) => SyntaxNode, constant: (n: SyntaxNode) => number | null): ArgFlow | null {
  let e = unwrap(arg), delta = 0;
  while (e.type === 'binary_expression') {
    const op = e.childForFieldName('operator')?.text;
    const left = e.childForFieldName('left'), right = e.childForFieldName('right');
    const k = right && (op === '+' || op === '-') ? constant(unwrap(right)) : null;
    if (!left || k === null) return null;
    delta += op === '+' ? k : -k;
    e = unwrap(left);
  }
  const i = e.type === 'identifier' ? params.findIndex((p) => p.name === e.text) : -1;
  return i >= 0 ? { param: i, delta } : null;
}

const CONSTANT_NODES = new Set(['identifier', 'selector_expression', 'binary_expression', 'parenthesized_expression', 'int_literal']);

/** Names, `pkg.Name`, integers and arithmetic of them: what a constant expression may be made of. */
function constantShaped(n: SyntaxNode): boolean {
  if (!CONSTANT_NODES.has(n.type)) return false;
  if (n.type === 'selector_expression') return n.childForFieldName('operand')?.type === 'identifier';
  return named(n).every(constantShaped);
}

/** Shared by Go and C: reads `p >= N`, `p > N`, `N <= p`, `N < p` into a stop limit for parameter p. */
export function guardFrom(cond: SyntaxNode, flow: (n: SyntaxNode) => ArgFlow | null): DepthGuard | null {
  const op = cond.childForFieldName('operator')?.text;
  const left = cond.childForFieldName('left'), right = cond.childForFieldName('right');
  if (!left || !right || !op) return null;
  const strip = (n: SyntaxNode) => (n.type === 'parenthesized_expression' && named(n).length === 1 ? named(n)[0] : n);
  const attempt = (v: SyntaxNode, lit: SyntaxNode, strict: boolean): DepthGuard | null => {
    const f = flow(v);
    if (!f || f.delta !== 0) return null;
    const k = intLiteral(strip(lit).text);
    if (k !== null) return { param: f.param, limit: strict ? k + 1 : k };
    // A named limit (`maxNesting`, `pkg.Max`) is settled later; one built from the parameter is none.
    return constantShaped(lit) && flow(lit) === null ? { param: f.param, limit: null, limitExpr: lit.text, strict } : null;
  };
  if (op === '>=' || op === '>') return attempt(left, right, op === '>');
  if (op === '<=' || op === '<') return attempt(right, left, op === '<');
  return null;
}
