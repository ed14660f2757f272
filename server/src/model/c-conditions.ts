// What holds when a C call or assignment runs, as far as simple conditions say: the `if` conditions
// around it and the early returns before it in the body (`if (p == NULL) return;` leaves p
// non-null), as clauses in conjunctive form (`a && (b || c)`). Atoms compare a variable with a
// value; a clause with any other term is left out, which only loses facts.
import type { SyntaxNode } from '../parse/backend';
import type { CAtom, CClause } from './c-facts';
import type { Span } from './facts';
import { named, span } from './syntax-util';

const FLIP: Record<CAtom['op'], CAtom['op']> = { '==': '!=', '!=': '==', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };
const MIRROR: Record<CAtom['op'], CAtom['op']> = { '==': '==', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function unwrap(n: SyntaxNode): SyntaxNode {
  while ((n.type === 'parenthesized_expression' || n.type === 'condition_clause') && named(n).length >= 1) n = n.type === 'condition_clause' ? n.childForFieldName('value') ?? named(n)[0] : named(n)[0];
  return n;
}

/** The clauses a condition gives when it is true (`positive`) or false. */
export function clausesOf(cond: SyntaxNode, positive: boolean): CClause[] {
  const c = unwrap(cond);
  if (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
    const arg = c.childForFieldName('argument');
    return arg ? clausesOf(arg, !positive) : [];
  }
  if (c.type === 'binary_expression') {
    const op = c.childForFieldName('operator')?.text;
    const left = c.childForFieldName('left'), right = c.childForFieldName('right');
    if (!left || !right) return [];
    // `a && b` true (or `a || b` false): each side's clauses hold. `a || b` true (or `a && b`
    // false): one side holds, a clause only when each side is a single clause.
    if ((op === '&&' && positive) || (op === '||' && !positive)) return [...clausesOf(left, positive), ...clausesOf(right, positive)];
    if ((op === '||' && positive) || (op === '&&' && !positive)) {
      const l = clausesOf(left, positive), r = clausesOf(right, positive);
      return l.length === 1 && r.length === 1 ? [[...l[0], ...r[0]]] : [];
    }
    if (op && op in FLIP) {
      const l = unwrap(left), r = unwrap(right);
      const at = (v: SyntaxNode, value: SyntaxNode, o: CAtom['op']): CAtom[] => (v.type === 'identifier' ? [{ name: v.text, op: positive ? o : FLIP[o], value: value.text }] : []);
      // Two names: either may be the constant (an enumerator, a macro); the other side is checked then.
      const atoms = l.type === 'identifier' && r.type === 'identifier' ? [...at(l, r, op as CAtom['op']), ...at(r, l, MIRROR[op as CAtom['op']])]
        : l.type === 'identifier' ? at(l, r, op as CAtom['op']) : r.type === 'identifier' ? at(r, l, MIRROR[op as CAtom['op']]) : [];
      // Both readings of `a == b` hold together; each is a clause of its own.
      return atoms.map((a) => [a]);
    }
    return [];
  }
  if (c.type === 'identifier') return [[{ name: c.text, op: positive ? '!=' : '==', value: '0' }]];
  return [];
}

interface Branch { span: Span; clauses: CClause[] }

/**
 * For each offset (sorted; a call's start), the atoms that hold there. `ifs` are every if statement
 * in the file; `bodies` the function bodies, whose top-level early returns hold after them.
 */
export function conditionsAt(ifs: SyntaxNode[], bodies: SyntaxNode[], offsets: number[]): CClause[][] {
  const branches: Branch[] = [];
  for (const stmt of ifs) {
    const cond = stmt.childForFieldName('condition');
    if (!cond) continue;
    const then = stmt.childForFieldName('consequence');
    const alt = stmt.childForFieldName('alternative');
    if (then) branches.push({ span: span(then), clauses: clausesOf(cond, true) });
    if (alt) branches.push({ span: span(alt), clauses: clausesOf(cond, false) });
  }
  for (const body of bodies) {
    for (const stmt of named(body)) {
      if (stmt.type !== 'if_statement' || stmt.childForFieldName('alternative')) continue;
      const then = stmt.childForFieldName('consequence'), cond = stmt.childForFieldName('condition');
      if (!then || !cond || !returns(then)) continue;
      branches.push({ span: { start: stmt.endIndex, end: body.endIndex }, clauses: clausesOf(cond, false) });
    }
  }
  // Branches nest (an early return's range holds the branches after it), so one sweep with a
  // stack of the branches around the current offset answers every offset in order.
  const useful = branches.filter((b) => b.clauses.length > 0).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const stack: Branch[] = [];
  let next = 0;
  return offsets.map((x) => {
    while (next < useful.length && useful[next].span.start <= x) {
      while (stack.length && stack[stack.length - 1].span.end <= useful[next].span.start) stack.pop();
      stack.push(useful[next++]);
    }
    while (stack.length && stack[stack.length - 1].span.end <= x) stack.pop();
    return stack.filter((b) => b.span.start <= x && x < b.span.end).flatMap((b) => b.clauses);
  });
}

/** A branch that always leaves the function: `return …;` or a block ending in one. */
function returns(n: SyntaxNode): boolean {
  if (n.type === 'return_statement') return true;
  if (n.type !== 'compound_statement') return false;
  const last = named(n).pop();
  return !!last && last.type === 'return_statement';
}
