// What holds when a C call runs, as far as simple conditions say: the `if` conditions around it
// (each term of an `&&` in the taken branch, each negated term of an `||` in the else branch) and
// the early returns before it in the body (`if (p == NULL) return;` leaves p non-null). Terms are
// comparisons of a variable with a value; anything else is left out, which only loses facts.
import type { SyntaxNode } from '../parse/backend';
import type { CAtom } from './c-facts';
import type { Span } from './facts';
import { named, span } from './syntax-util';

const FLIP: Record<CAtom['op'], CAtom['op']> = { '==': '!=', '!=': '==', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };
const MIRROR: Record<CAtom['op'], CAtom['op']> = { '==': '==', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function unwrap(n: SyntaxNode): SyntaxNode {
  while ((n.type === 'parenthesized_expression' || n.type === 'condition_clause') && named(n).length >= 1) n = n.type === 'condition_clause' ? n.childForFieldName('value') ?? named(n)[0] : named(n)[0];
  return n;
}

/** The atoms a condition gives when it is true (`positive`) or false. */
export function atomsOf(cond: SyntaxNode, positive: boolean): CAtom[] {
  const c = unwrap(cond);
  if (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
    const arg = c.childForFieldName('argument');
    return arg ? atomsOf(arg, !positive) : [];
  }
  if (c.type === 'binary_expression') {
    const op = c.childForFieldName('operator')?.text;
    const left = c.childForFieldName('left'), right = c.childForFieldName('right');
    if (!left || !right) return [];
    // `a && b` true: both hold; `a || b` false: neither does. Otherwise nothing is certain.
    if ((op === '&&' && positive) || (op === '||' && !positive)) return [...atomsOf(left, positive), ...atomsOf(right, positive)];
    if (op && op in FLIP) {
      const l = unwrap(left), r = unwrap(right);
      const at = (v: SyntaxNode, value: SyntaxNode, o: CAtom['op']): CAtom[] => (v.type === 'identifier' ? [{ name: v.text, op: positive ? o : FLIP[o], value: value.text }] : []);
      if (l.type === 'identifier' && r.type !== 'identifier') return at(l, r, op as CAtom['op']);
      if (r.type === 'identifier' && l.type !== 'identifier') return at(r, l, MIRROR[op as CAtom['op']]);
      // Two names: either may be the constant (an enumerator, a macro); the other side is checked then.
      if (l.type === 'identifier' && r.type === 'identifier') return [...at(l, r, op as CAtom['op']), ...at(r, l, MIRROR[op as CAtom['op']])];
    }
    return [];
  }
  if (c.type === 'identifier') return [{ name: c.text, op: positive ? '!=' : '==', value: '0' }];
  return [];
}

interface Branch { span: Span; atoms: CAtom[] }

/**
 * For each offset (sorted; a call's start), the atoms that hold there. `ifs` are every if statement
 * in the file; `bodies` the function bodies, whose top-level early returns hold after them.
 */
export function conditionsAt(ifs: SyntaxNode[], bodies: SyntaxNode[], offsets: number[]): CAtom[][] {
  const branches: Branch[] = [];
  for (const stmt of ifs) {
    const cond = stmt.childForFieldName('condition');
    if (!cond) continue;
    const then = stmt.childForFieldName('consequence');
    const alt = stmt.childForFieldName('alternative');
    if (then) branches.push({ span: span(then), atoms: atomsOf(cond, true) });
    if (alt) branches.push({ span: span(alt), atoms: atomsOf(cond, false) });
  }
  for (const body of bodies) {
    for (const stmt of named(body)) {
      if (stmt.type !== 'if_statement' || stmt.childForFieldName('alternative')) continue;
      const then = stmt.childForFieldName('consequence'), cond = stmt.childForFieldName('condition');
      if (!then || !cond || !returns(then)) continue;
      branches.push({ span: { start: stmt.endIndex, end: body.endIndex }, atoms: atomsOf(cond, false) });
    }
  }
  // Branches nest (an early return's range holds the branches after it), so one sweep with a
  // stack of the branches around the current offset answers every offset in order.
  const useful = branches.filter((b) => b.atoms.length > 0).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const stack: Branch[] = [];
  let next = 0;
  return offsets.map((x) => {
    while (next < useful.length && useful[next].span.start <= x) {
      while (stack.length && stack[stack.length - 1].span.end <= useful[next].span.start) stack.pop();
      stack.push(useful[next++]);
    }
    while (stack.length && stack[stack.length - 1].span.end <= x) stack.pop();
    return stack.filter((b) => b.span.start <= x && x < b.span.end).flatMap((b) => b.atoms);
  });
}

/** A branch that always leaves the function: `return …;` or a block ending in one. */
function returns(n: SyntaxNode): boolean {
  if (n.type === 'return_statement') return true;
  if (n.type !== 'compound_statement') return false;
  const last = named(n).pop();
  return !!last && last.type === 'return_statement';
}
