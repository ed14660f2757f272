// Reading Go types, parameters and expressions off the syntax: what the call graph needs to resolve
// methods and to follow a depth counter around a cycle (no type checker: unknown stays unknown).
import type { SyntaxNode } from '../parse/backend';
import type { ArgFlow, DepthGuard, GoFunc, GoParam, ValueRef } from './facts';
import { own } from '../util/own';
import { argFlowOf, guardFrom, intLiteral, named } from './syntax-util';

export function typeText(node: SyntaxNode | null): string {
  return node ? node.text.replace(/\s+/g, ' ') : '';
}

/** Parameters of a parameter_list, one entry per name (`a, b int` gives two). */
export function paramList(list: SyntaxNode | null): GoParam[] {
  const out: GoParam[] = [];
  if (!list) return out;
  if (list.type !== 'parameter_list') return [{ name: '', type: typeText(list) }]; // a bare result type
  for (const decl of named(list)) {
    const type = typeText(decl.childForFieldName('type'));
    const names = named(decl).filter((n) => n.type === 'identifier');
    if (names.length === 0) out.push({ name: '', type: decl.type === 'variadic_parameter_declaration' ? '...' + type : type });
    for (const n of names) out.push({ name: n.text, type: decl.type === 'variadic_parameter_declaration' ? '...' + type : type });
  }
  return out;
}

/** The named type of a receiver or variable: `*pkg.T[K]` → `pkg.T`, plus whether it was a pointer. */
export function baseTypeName(type: string): { name: string; pointer: boolean } {
  const pointer = type.startsWith('*');
  const name = type.replace(/^\*+/, '').replace(/\[.*$/, '').trim();
  return { name, pointer };
}

const VALUE_NODES = new Set(['identifier', 'parenthesized_expression', 'selector_expression', 'type_assertion_expression', 'call_expression', 'unary_expression', 'index_expression', 'func_literal', 'composite_literal']);

/** The type a function declares for a name (local, parameter or result), '' when untyped or not its own. */
export function declaredTypeIn(f: GoFunc, name: string): string {
  return own(f.locals, name) || f.params.find((p) => p.name === name)?.type || f.results.find((p) => p.name === name)?.type || '';
}

/** `depth`: a chain of thousands of selectors or calls ends as `other` instead of exhausting the stack. */
export function valueRef(node: SyntaxNode, depth = 0): ValueRef {
  const type = node.type;
  if (depth > 24 || !VALUE_NODES.has(type)) return { kind: 'other' };
  if (type === 'identifier') return { kind: 'ident', name: node.text };
  if (type === 'parenthesized_expression') { const inner = named(node)[0]; return inner ? valueRef(inner, depth + 1) : { kind: 'other' }; }
  if (type === 'selector_expression') {
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field');
    if (operand && field) return { kind: 'field', base: valueRef(operand, depth + 1), name: field.text };
  }
  if (type === 'type_assertion_expression') {
    const asserted = node.childForFieldName('type');
    if (asserted) return { kind: 'typed', type: typeText(asserted) };
  }
  if (type === 'call_expression') {
    const fn = node.childForFieldName('function');
    if (fn) return { kind: 'call', fn: valueRef(fn, depth + 1), result: 0 };
  }
  if (type === 'unary_expression') {
    const op = node.childForFieldName('operator')?.text, operand = node.childForFieldName('operand');
    // `*p` and `&x` are taken as the value itself (a holder and what it points to are one).
    if (operand && (op === '*' || op === '&')) return valueRef(operand, depth + 1);
    if (operand && op === '<-') return { kind: 'index', base: valueRef(operand, depth + 1) };
  }
  if (type === 'index_expression') {
    const operand = node.childForFieldName('operand');
    if (operand) return { kind: 'index', base: valueRef(operand, depth + 1) };
  }
  if (type === 'func_literal') return { kind: 'literal', span: { start: node.startIndex, end: node.endIndex } };
  if (type === 'composite_literal') return literalRef(node, depth);
  return { kind: 'other' };
}

/** Expressions that may be a function value (others are skipped before building a ValueRef). */
export const FUNCTION_LIKE = new Set(['identifier', 'selector_expression', 'func_literal', 'index_expression', 'call_expression', 'composite_literal', 'parenthesized_expression', 'unary_expression']);

/** A slice or map literal holds its elements (those that may be functions); a struct literal is its type. */
function literalRef(node: SyntaxNode, depth: number): ValueRef {
  const type = node.childForFieldName('type');
  const refs: ValueRef[] = [];
  if (type && type.type !== 'type_identifier' && type.type !== 'qualified_type' && type.type !== 'generic_type') {
    for (const el of named(node.childForFieldName('body'))) {
      const value = el.type === 'keyed_element' ? named(el.childForFieldName('value'))[0] : el;
      const inner = value?.type === 'literal_element' ? named(value)[0] : value;
      if (inner && FUNCTION_LIKE.has(inner.type)) {
        const r = valueRef(inner, depth + 1);
        if (r.kind !== 'other') refs.push(r);
      }
    }
  }
  if (refs.length) return { kind: 'many', refs };
  return type ? { kind: 'typed', type: typeText(type) } : { kind: 'other' };
}

const CONVERSIONS = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);
const C_SCALARS = /^(u?char|s?char|u?short|u?int|u?long|u?longlong|float|double|size_t|.*_t)$/;

/** Strips parentheses and integer conversions (`int(x)`, `C.int(x)`). */
function unwrapConversion(node: SyntaxNode): SyntaxNode {
  for (;;) {
    if (node.type === 'parenthesized_expression' && named(node).length === 1) { node = named(node)[0]; continue; }
    if (node.type === 'call_expression') {
      const fn = node.childForFieldName('function');
      const args = named(node.childForFieldName('arguments'));
      if (fn && args.length === 1 && isConversion(fn)) { node = args[0]; continue; }
    }
    return node;
  }
}

function isConversion(fn: SyntaxNode): boolean {
  if (fn.type === 'identifier') return CONVERSIONS.has(fn.text);
  if (fn.type === 'selector_expression') {
    return fn.childForFieldName('operand')?.text === 'C' && C_SCALARS.test(fn.childForFieldName('field')?.text ?? '');
  }
  return false;
}

/** How an argument expression carries one of the caller's parameters (`p`, `p+1`, `C.int(p-1)`). */
export function goArgFlow(arg: SyntaxNode, params: GoParam[]): ArgFlow | null {
  return argFlowOf(arg, params, unwrapConversion, (n) => intLiteral(n.text));
}

/** `if p >= N { return }` (or `>`, or mirrored) at the top level of a body. */
export function goGuard(stmt: SyntaxNode, params: GoParam[]): DepthGuard | null {
  if (stmt.type !== 'if_statement' || stmt.childForFieldName('initializer')) return null;
  const cond = stmt.childForFieldName('condition');
  const body = stmt.childForFieldName('consequence');
  if (!cond || !body || !/\breturn\b/.test(body.text) || cond.type !== 'binary_expression') return null;
  return guardFrom(cond, (n) => goArgFlow(n, params));
}

const NO_FUNCTION = /^(?:bool|string|error|byte|rune|u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128)|unsafe\.Pointer)$/;

/**
 * Whether a value of this declared type can be (or contain) a function: not a basic type, nor a
 * pointer (fields are holders by their struct type, never through a pointer to it). Unknown: yes.
 */
export function mayHoldFunction(type: string): boolean {
  const t = type.trim();
  if (t === '' || t.startsWith('func')) return true;
  if (t.startsWith('*') || NO_FUNCTION.test(t)) return false;
  const m = /^(?:\[[^\]]*\]|map\[(?:[^[\]]|\[[^\]]*\])+\]|(?:<-)?chan(?:<-)?\s)(.+)$/.exec(t);
  return m ? mayHoldFunction(m[1]) : true;
}
