// Go tree → where values that may be functions go (GoFlow facts, followed by graph/go-values.ts):
// assignments, returns, sends, composite literals and `=` range clauses (declarations are read
// with their types, extract-go.ts); and where each call statement's block ends (dead code after a
// call that never returns).
import type { QueryMatch, SyntaxNode } from '../parse/backend';
import type { GoFileFacts, GoFlow, GoFunc, Span, ValueRef } from './facts';
import { declaredTypeIn, FUNCTION_LIKE, mayHoldFunction, typeText, valueRef } from './go-types';
import { assignToEnclosing, named, span } from './syntax-util';

/** Values that may hold a function: names, fields, elements, call results, literals (the node types: go-types.ts FUNCTION_LIKE). */
export function mayBeFunction(ref: ValueRef): boolean {
  return ref.kind === 'ident' || ref.kind === 'field' || ref.kind === 'index' || ref.kind === 'call' || ref.kind === 'literal' || ref.kind === 'many';
}

/**
 * Flows of the bodies go to their innermost function; those outside any (package variables) to the
 * file. Returns are read only in functions with a result that can hold a function.
 */
export function readFlows(m: (name: string) => QueryMatch[], funcSpans: Span[], facts: GoFileFacts): void {
  const items: { start: number; flow: GoFlow }[] = [];
  const add = flowAdder(items);
  const cap = (x: QueryMatch, name: string) => x.captures.find((c) => c.name === name)?.node;
  const returns: { start: number; node: SyntaxNode; values: SyntaxNode }[] = [];
  for (const x of m('flows')) {
    const assign = cap(x, 'assign'), ret = cap(x, 'return'), send = cap(x, 'send'), lit = cap(x, 'literal'), range = cap(x, 'range');
    if (assign) {
      const right = named(cap(x, 'right'));
      if (right.some((r) => FUNCTION_LIKE.has(r.type))) pairs(named(cap(x, 'left')), right, (to, from) => add(assign, to, from));
    } else if (ret) returns.push({ start: ret.startIndex, node: ret, values: cap(x, 'values')! });
    else if (send) add(send, { kind: 'index', base: valueRef(cap(x, 'channel')!) }, valueRef(cap(x, 'value')!));
    else if (range) {
      // `for k, v = range t`: the element goes to v (`:=` ranges are declarations: localCalls).
      const left = named(cap(x, 'left')), target = left[1];
      if (target && target.text !== '_') add(range, valueRef(target), { kind: 'index', base: valueRef(cap(x, 'right')!) });
    } else if (lit) readLiteral(lit, cap(x, 'type')!, cap(x, 'body')!, add);
  }
  returns.sort((a, b) => a.start - b.start);
  assignToEnclosing(funcSpans, returns, (r, f) => {
    if (!facts.funcs[f].results.some((res) => mayHoldFunction(res.type))) return;
    const values = named(r.values);
    pairs(values.map((_, i) => i), values, (to, from) => add(r.node, to, from));
  });
  file(items, funcSpans, facts);
}

type Add = (at: SyntaxNode, to: ValueRef, from: ValueRef) => void;

function flowAdder(items: { start: number; flow: GoFlow }[]): Add {
  return (at, to, from) => {
    if (mayBeFunction(from) && to.kind !== 'other') items.push({ start: at.startIndex, flow: { span: span(at), to, from } });
  };
}

function file(items: { start: number; flow: GoFlow }[], funcSpans: Span[], facts: GoFileFacts): void {
  items.sort((a, b) => a.start - b.start);
  const inside = new Set<GoFlow>();
  assignToEnclosing(funcSpans, items, (item, f) => {
    inside.add(item.flow);
    const fn = facts.funcs[f];
    // A name declared with a type that holds no function (`n int`, `p *T`) neither gives nor takes one.
    if (!typedWithoutFunction(fn, item.flow.from) && !typedWithoutFunction(fn, item.flow.to)) fn.flows.push(item.flow);
  });
  for (const item of items) if (!inside.has(item.flow)) facts.flows.push(item.flow);
}

/** A name of the function whose declared type can hold no function. */
export function typedWithoutFunction(f: GoFunc, ref: ValueRef): boolean {
  if (ref.kind !== 'ident') return false;
  const type = declaredTypeIn(f, ref.name);
  return !!type && !mayHoldFunction(type);
}

/**
 * Pairs destinations with values: one each, or several results of one call (`a, b := f()`).
 * A destination is a name or an expression node, or a result index for returns.
 */
function pairs<T extends SyntaxNode | number>(left: T[], right: SyntaxNode[], visit: (to: ValueRef, from: ValueRef) => void): void {
  const dest = (t: T): ValueRef => (typeof t === 'number' ? { kind: 'result', index: t } : t.text === '_' ? { kind: 'other' } : valueRef(t));
  if (left.length === right.length) left.forEach((t, i) => { if (FUNCTION_LIKE.has(right[i].type)) visit(dest(t), valueRef(right[i])); });
  else if (right.length === 1) {
    const from = valueRef(right[0]);
    if (from.kind === 'call') left.forEach((t, i) => visit(dest(t), { ...from, result: i }));
    else if (from.kind === 'index') visit(dest(left[0]), from); // v, ok := m[k] / <-ch
  }
}

/** `T{cb: f}` and `T{f, g}`: each element that may be a function goes to the field of T it names. */
function readLiteral(lit: SyntaxNode, type: SyntaxNode, body: SyntaxNode, add: (at: SyntaxNode, to: ValueRef, from: ValueRef) => void): void {
  if (type.type !== 'type_identifier' && type.type !== 'qualified_type' && type.type !== 'generic_type') return; // slices and maps: valueRef's `many`
  const owner: ValueRef = { kind: 'typed', type: typeText(type) };
  named(body).forEach((el, i) => {
    if (el.type === 'keyed_element') {
      const key = named(el.childForFieldName('key'))[0], value = named(el.childForFieldName('value'))[0];
      if (key?.type === 'identifier' && value) add(lit, { kind: 'field', base: owner, name: key.text }, valueRef(value));
    } else if (el.type === 'literal_element' && named(el)[0]) {
      add(lit, { kind: 'field', base: owner, name: `#${i}` }, valueRef(named(el)[0]));
    }
  });
}

/** For each call statement (by its start), where its block's statements end. */
export function readRests(m: (name: string) => QueryMatch[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const x of m('flows')) {
    const call = x.captures.find((c) => c.name === 'stmt-call')?.node, list = x.captures.find((c) => c.name === 'stmt-list')?.node;
    if (call && list) out.set(call.startIndex, list.endIndex);
  }
  return out;
}
