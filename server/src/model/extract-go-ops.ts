// Go tree → GoOp facts for the g0 rules: map-shaped and channel operations, defers and returns,
// local arrays, systemstack/mcall arguments, each attached to the innermost function that contains
// it; plus the locals a type assertion binds (how runtime hooks reach user methods).
// Nothing here decides types: whether `x[k]` touches a map is settled later from declarations.
import type { QueryMatch, SyntaxNode } from '../parse/backend';
import type { GoFileFacts, GoOp, Span } from './facts';
import { typeText, valueRef } from './go-types';
import { assignToEnclosing, intLiteral, named, span } from './syntax-util';

const FUNC_NODES = new Set(['function_declaration', 'method_declaration', 'func_literal']);
const LITERAL_TYPES = new Set(['map_type', 'type_identifier', 'qualified_type', 'generic_type']);

/** Sizes on linux/amd64 (the platform hazards.md measured on). */
const BASIC_BYTES: Record<string, number> = {
  bool: 1, byte: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, rune: 4, float32: 4,
  int: 8, uint: 8, int64: 8, uint64: 8, uintptr: 8, float64: 8, complex64: 8, complex128: 16, string: 16,
  error: 16, any: 16,
};

interface Item { start: number; outside?: boolean; op: GoOp }

export function readOps(m: (name: string) => QueryMatch[], funcSpans: Span[], facts: GoFileFacts): void {
  const items: Item[] = [];
  // Each operation is written as one literal with its span: a spread copy made here would see every
  // kind of operation and give each object a hidden class of its own.
  const add = (op: GoOp, at: SyntaxNode) => items.push({ start: at.startIndex, op });
  const cap = (x: { captures: { name: string; node: SyntaxNode }[] }, name: string) => x.captures.find((c) => c.name === name)?.node;

  for (const x of m('map-ops')) {
    const operand = cap(x, 'operand');
    const index = cap(x, 'index'), range = cap(x, 'range'), call = cap(x, 'call');
    if (index && operand) add({ kind: 'index', span: span(index), ref: valueRef(operand) }, index);
    else if (range && operand) add({ kind: 'range', span: span(range), ref: valueRef(operand) }, range);
    else if (call && operand) add({ kind: cap(x, 'builtin')!.text as 'delete' | 'clear', span: span(call), ref: valueRef(operand) }, call);
    else if (cap(x, 'literal')) {
      const type = cap(x, 'type')!;
      // An empty map literal only allocates (makemap): measured fine on g0 under -race.
      const empty = named(cap(x, 'literal')!.childForFieldName('body')).length === 0;
      const literal = cap(x, 'literal')!;
      if (LITERAL_TYPES.has(type.type)) add({ kind: 'literal', span: span(literal), type: typeText(type), detail: empty ? 'empty' : undefined }, literal);
    }
  }
  for (const x of m('chan-ops')) {
    const channel = cap(x, 'channel')!;
    const send = cap(x, 'send'), receive = cap(x, 'receive'), close = cap(x, 'close');
    if (send) add({ kind: 'send', span: span(send), ref: valueRef(channel), detail: selectCase(send) }, send);
    else if (receive) add({ kind: 'receive', span: span(receive), ref: valueRef(channel), detail: selectCase(receive) }, receive);
    else if (close) add({ kind: 'close', span: span(close), ref: valueRef(channel) }, close);
  }
  for (const x of m('defers')) {
    const d = cap(x, 'defer');
    const r = cap(x, 'return')!;
    if (d) add({ kind: 'defer', span: span(d), detail: insideLoop(d) ? 'loop' : undefined }, d);
    else add({ kind: 'return', span: span(r) }, r);
  }
  for (const x of m('local-arrays')) readArray(cap(x, 'local')!, cap(x, 'type')!, cap(x, 'value'), add);
  for (const x of m('stack-switch')) {
    const arg = cap(x, 'arg')!;
    // Anchored at the call: a func literal argument must not count as its own content.
    add({ kind: 'stack-switch', span: span(arg), detail: cap(x, 'callee')!.text, ref: valueRef(arg) }, cap(x, 'call')!);
  }

  readAssertedLocals(m, funcSpans, facts);
  items.sort((a, b) => a.start - b.start || Number(!!b.outside) - Number(!!a.outside) || a.op.span.start - b.op.span.start);
  assignToEnclosing(funcSpans, items, (item, f) => {
    const func = facts.funcs[f];
    if (item.op.kind === 'return') func.returns++;
    func.ops.push(item.op);
  });
  for (const f of facts.funcs) if (f.returns > 0 && !f.ops.some((o) => o.kind === 'defer')) f.ops = f.ops.filter((o) => o.kind !== 'return');
}

/** Types the declaration reader leaves unknown: a local bound by a type assertion has the asserted type. */
function readAssertedLocals(m: (name: string) => QueryMatch[], funcSpans: Span[], facts: GoFileFacts): void {
  const decls = m('asserted-locals').map((x) => ({
    start: x.captures.find((c) => c.name === 'decl')!.node.startIndex,
    name: x.captures.find((c) => c.name === 'name')!.node.text,
    type: typeText(x.captures.find((c) => c.name === 'type')!.node),
  })).sort((a, b) => a.start - b.start);
  assignToEnclosing(funcSpans, decls, (d, f) => {
    const locals = facts.funcs[f].locals;
    if (d.name !== '_' && !locals[d.name]) locals[d.name] = d.type;
  });
}

/** 'select' for a channel operation that is a select case, 'select-default' when that select has a default. */
function selectCase(node: SyntaxNode): string | undefined {
  let n: SyntaxNode | null = node.parent;
  if (n?.type === 'receive_statement' || n?.type === 'expression_statement') n = n.parent;
  if (n?.type !== 'communication_case') return undefined;
  const sel = n.parent;
  return sel?.namedChildren.some((c) => c.type === 'default_case') ? 'select-default' : 'select';
}

/** A defer inside a for loop of the same function: the compiler cannot open-code it. */
function insideLoop(node: SyntaxNode): boolean {
  for (let n = node.parent; n && !FUNC_NODES.has(n.type); n = n.parent) if (n.type === 'for_statement') return true;
  return false;
}

function readArray(local: SyntaxNode, type: SyntaxNode, value: SyntaxNode | undefined, add: (op: GoOp, at: SyntaxNode) => void): void {
  const bytes = typeBytes(type) ?? undefined;
  if (local.type === 'var_spec') {
    for (const n of named(local).filter((c) => c.type === 'identifier')) add({ kind: 'array', span: span(local), detail: n.text, type: typeText(type), bytes }, local);
    return;
  }
  const left = named(local.childForFieldName('left'));
  const right = named(local.childForFieldName('right'));
  const i = value ? right.findIndex((r) => r.startIndex === value.startIndex) : -1;
  if (i >= 0 && left.length === right.length && left[i].text !== '_') add({ kind: 'array', span: span(local), detail: left[i].text, type: typeText(type), bytes }, local);
}

/** Bytes of a type when the syntax alone tells (basic types, pointers, arrays of them); else null. */
export function typeBytes(node: SyntaxNode | null): number | null {
  if (!node) return null;
  switch (node.type) {
    case 'array_type': {
      const n = constInt(node.childForFieldName('length'));
      const elem = typeBytes(node.childForFieldName('element'));
      return n === null || elem === null ? null : n * elem;
    }
    case 'pointer_type': case 'map_type': case 'channel_type': case 'function_type': return 8;
    case 'slice_type': return 24;
    case 'interface_type': return 16;
    case 'parenthesized_type': return typeBytes(named(node)[0] ?? null);
    case 'type_identifier': return BASIC_BYTES[node.text] ?? null;
    case 'qualified_type': return node.text.replace(/\s+/g, '') === 'unsafe.Pointer' ? 8 : null;
    default: return null;
  }
}

/** Integer constant expressions of literals: `4096`, `1 << 12`, `64 * 1024`. */
function constInt(node: SyntaxNode | null): number | null {
  if (!node) return null;
  if (node.type === 'int_literal') return intLiteral(node.text);
  if (node.type === 'parenthesized_expression') return constInt(named(node)[0] ?? null);
  if (node.type === 'binary_expression') {
    const a = constInt(node.childForFieldName('left')), b = constInt(node.childForFieldName('right'));
    if (a === null || b === null) return null;
    switch (node.childForFieldName('operator')?.text) {
      case '*': return a * b;
      case '+': return a + b;
      case '-': return a - b;
      case '<<': return b < 53 ? a * 2 ** b : null;
      case '/': return b !== 0 ? Math.floor(a / b) : null;
      default: return null;
    }
  }
  return null;
}
