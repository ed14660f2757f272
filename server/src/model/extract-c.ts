// C tree → CUnitFacts: function definitions, direct and pointer calls, frame estimates (locals,
// VLAs, alloca), function names stored as values (callbacks in tables), includes and ignores.
// Used for package .c/.h files and, through includedRanges, for the preamble inside a Go file.
import type { ParserBackend, SyntaxNode, TextRange } from '../parse/backend';
import { constEval, scalarSize } from './c-sizes';
import type { ArgFlow, CFunc, CParam, CUnitFacts, Slot } from './facts';
import { argFlowOf, assignToEnclosing, guardFrom, named, parseIgnore, span } from './syntax-util';

/** Saved return address and frame pointer: what every C activation costs before its locals. */
const FRAME_OVERHEAD = 16;
/** Each parameter is assumed spilled to the frame (8 bytes on amd64). */
const PARAM_BYTES = 8;
const ALLOCA = new Set(['alloca', '__builtin_alloca']);

export function extractCUnit(backend: ParserBackend, text: string, ranges?: TextRange[]): CUnitFacts {
  const tree = backend.parse('c', text, ranges);
  try {
    return extractFromTree(backend, tree.root, text);
  } finally {
    tree.dispose();
  }
}

function extractFromTree(backend: ParserBackend, root: SyntaxNode, text: string): CUnitFacts {
  const unit: CUnitFacts = { funcs: [], pointerUses: [], includes: [], fnPointerTypes: {}, ignores: [], errors: root.hasError ? 1 : 0 };
  for (const m of backend.matches('c', 'comments', root)) {
    const c = m.captures[0].node;
    const ig = c.text.includes('g0guard:ignore') ? parseIgnore(c.text) : null;
    if (ig) unit.ignores.push({ ...ig, line: -1, span: span(c) });
  }
  const consts = new Map<string, number>();
  const decls = backend.matches('c', 'declarations', root);
  const enumNext = new Map<number, number>();
  for (const m of decls) {
    const kind = m.captures.find((c) => c.name === 'define' || c.name === 'enumerator' || c.name === 'include' || c.name === 'typedef');
    if (kind?.name === 'define') {
      const v = constEval(m.captures.find((c) => c.name === 'value')!.node.text, consts);
      if (v !== null) consts.set(m.captures.find((c) => c.name === 'name')!.node.text, v);
    } else if (kind?.name === 'enumerator') {
      const e = kind.node, list = e.parent?.startIndex ?? 0;
      const valueNode = e.childForFieldName('value');
      const v = valueNode ? constEval(valueNode.text, consts) : enumNext.get(list) ?? 0;
      if (v !== null) { consts.set(e.childForFieldName('name')?.text ?? '', v); enumNext.set(list, v + 1); }
    } else if (kind?.name === 'include') {
      const p = kind.node.childForFieldName('path');
      if (p) unit.includes.push({ path: p.text.slice(1, -1), system: p.type === 'system_lib_string', span: span(kind.node) });
    } else if (kind?.name === 'typedef') {
      const fn = findDescendant(kind.node.childForFieldName('declarator'), 'function_declarator');
      const name = fn ? innermostName(fn) : undefined;
      if (fn && name) unit.fnPointerTypes[name] = paramsOf(fn).length;
    }
  }

  const funcNodes = backend.matches('c', 'functions', root).map((m) => m.captures[0].node).sort((a, b) => a.startIndex - b.startIndex);
  const funcSpans = funcNodes.map(span);
  for (const node of funcNodes) unit.funcs.push(newFunc(node));

  // Locals: frames. Top-level declarations and initializers: function pointers stored in tables.
  const items = decls
    .filter((m) => m.captures[0].name === 'decl' || m.captures[0].name === 'init' || m.captures[0].name === 'assign')
    .map((m) => ({ start: m.captures[0].node.startIndex, name: m.captures[0].name, node: m.captures[0].node }))
    .sort((a, b) => a.start - b.start);
  // The declared type of a table's initializer (`cb_t table[] = {...}`), found without parent walks.
  const initType = new Map<number, string>();
  for (const m of decls) {
    const init = m.captures.find((c) => c.name === 'decl-init');
    if (init) initType.set(init.node.startIndex, m.captures.find((c) => c.name === 'decl-type')!.node.text);
  }
  const inFunc = new Set<number>();
  assignToEnclosing(funcSpans, items, (item, fi) => {
    inFunc.add(item.start);
    if (item.name === 'decl') addLocal(unit.funcs[fi], item.node, consts);
    else recordValueUses(unit, item.node, initType, unit.funcs[fi]);
  });
  for (const item of items) if (!inFunc.has(item.start) && item.name !== 'decl') recordValueUses(unit, item.node, initType);

  const calls = backend.matches('c', 'calls', root).map((m) => ({
    start: m.captures[0].node.startIndex,
    call: m.captures.find((c) => c.name === 'call')!.node,
    callee: m.captures.find((c) => c.name === 'callee')!.node,
    args: named(m.captures.find((c) => c.name === 'args')!.node),
  })).sort((a, b) => a.start - b.start);
  assignToEnclosing(funcSpans, calls, ({ call, callee, args }, fi) => addCall(unit, unit.funcs[fi], call, callee, args, consts));
  for (const f of unit.funcs) f.frameBytes += FRAME_OVERHEAD + PARAM_BYTES * f.params.length;
  return unit;
}

function newFunc(node: SyntaxNode): CFunc {
  const fnDecl = findDescendant(node.childForFieldName('declarator'), 'function_declarator');
  const nameNode = fnDecl?.childForFieldName('declarator');
  const params = fnDecl ? paramsOf(fnDecl) : [];
  const f: CFunc = {
    name: nameNode?.type === 'identifier' ? nameNode.text : '', isStatic: named(node).some((n) => n.type === 'storage_class_specifier' && n.text === 'static'),
    span: span(node), nameSpan: span(nameNode ?? node), params, calls: [], frameBytes: 0, frameItems: [], localTypes: {}, guards: [], threadStarts: [],
  };
  for (const stmt of named(node.childForFieldName('body'))) {
    if (stmt.type !== 'if_statement') continue;
    let cond = stmt.childForFieldName('condition');
    while (cond && cond.type === 'parenthesized_expression' && named(cond).length === 1) cond = named(cond)[0];
    const body = stmt.childForFieldName('consequence');
    if (cond?.type === 'binary_expression' && body && /\breturn\b/.test(body.text)) {
      const g = guardFrom(cond, (n) => cArgFlow(n, params));
      if (g) f.guards.push(g);
    }
  }
  return f;
}

function paramsOf(fnDecl: SyntaxNode): CParam[] {
  const out: CParam[] = [];
  for (const p of named(fnDecl.childForFieldName('parameters'))) {
    if (p.type !== 'parameter_declaration') continue; // `...` and comments
    const type = p.childForFieldName('type')?.text ?? '';
    const decl = p.childForFieldName('declarator');
    if (!decl && type === 'void') continue;
    out.push({ name: decl ? innermostName(decl) ?? '' : '', type: decl && findDescendant(decl, 'function_declarator') ? '(*)()' : type });
  }
  return out;
}

function innermostName(node: SyntaxNode): string | undefined {
  if (node.type === 'identifier' || node.type === 'type_identifier' || node.type === 'field_identifier') return node.text;
  const inner = node.childForFieldName('declarator') ?? named(node)[0];
  return inner ? innermostName(inner) : undefined;
}

function findDescendant(node: SyntaxNode | null, type: string): SyntaxNode | null {
  while (node) {
    if (node.type === type) return node;
    node = node.childForFieldName('declarator') ?? (node.type === 'parenthesized_declarator' ? named(node)[0] ?? null : null);
  }
  return null;
}

/** One local declaration: its bytes count towards the frame; VLAs and big arrays are items. */
function addLocal(f: CFunc, decl: SyntaxNode, consts: Map<string, number>): void {
  if (named(decl).some((n) => n.type === 'storage_class_specifier' && (n.text === 'static' || n.text === 'extern'))) return;
  const typeNode = decl.childForFieldName('type');
  const elem = typeNode ? scalarSize(typeNode.text) : null;
  for (const d of named(decl).filter((n) => n.startIndex !== typeNode?.startIndex && n.type !== 'storage_class_specifier' && n.type !== 'type_qualifier')) {
    // C declarators read inside out: the wrapper nearest the name says what the variable is.
    const chain: { pointer: boolean; size: number | null }[] = [];
    let node: SyntaxNode | null = d.type === 'init_declarator' ? d.childForFieldName('declarator') : d;
    while (node && node.type !== 'identifier') {
      if (node.type === 'array_declarator') {
        const size = node.childForFieldName('size');
        chain.push({ pointer: false, size: size ? constEval(size.text, consts) : 0 });
        if (size && chain[chain.length - 1].size === null) chain[chain.length - 1].size = -1;
      } else if (node.type === 'pointer_declarator') chain.push({ pointer: true, size: null });
      node = node.childForFieldName('declarator') ?? (node.type === 'parenthesized_declarator' ? named(node)[0] ?? null : null);
    }
    const name = node?.text ?? '?';
    if (typeNode) f.localTypes[name] = (chain.some((c) => c.pointer) ? '*' : '') + typeNode.text;
    const lastPointer = chain.map((c) => c.pointer).lastIndexOf(true);
    if (lastPointer === chain.length - 1 && chain.length > 0) { f.frameBytes += 8; continue; }
    const arrays = chain.slice(lastPointer + 1);
    if (arrays.some((a) => a.size === -1)) { f.frameItems.push({ kind: 'vla', span: span(d), bytes: null, what: name }); continue; }
    const count = arrays.reduce((n, a) => n * (a.size ?? 1), 1);
    const bytes = count * (lastPointer >= 0 ? 8 : elem ?? 8);
    f.frameBytes += bytes;
    if (arrays.length > 0) f.frameItems.push({ kind: 'array', span: span(d), bytes, what: name });
  }
}

function addCall(unit: CUnitFacts, f: CFunc, call: SyntaxNode, callee: SyntaxNode, args: SyntaxNode[], consts: Map<string, number>): void {
  const local = (name: string) => f.params.find((p) => p.name === name);
  let target: CFunc['calls'][number]['callee'];
  if (callee.type === 'identifier' && !local(callee.text)) target = { kind: 'direct', name: callee.text };
  else {
    const param = callee.type === 'identifier' ? local(callee.text) : undefined;
    target = { kind: 'indirect', typeName: param && param.type !== '(*)()' ? param.type : undefined, text: callee.text, ...slotOf(stripCasts(callee), f) };
  }
  f.calls.push({ span: span(call), callee: target, argCount: args.length, args: args.map((a) => cArgFlow(a, f.params)) });
  if (target.kind === 'direct' && ALLOCA.has(target.name)) {
    const bytes = args[0] ? constEval(args[0].text, consts) : null;
    f.frameItems.push({ kind: 'alloca', span: span(call), bytes, what: target.name });
    if (bytes !== null) f.frameBytes += bytes;
  }
  if (target.kind === 'direct' && target.name === 'pthread_create' && args[2]) {
    const start = stripCasts(args[2]);
    if (start.type === 'identifier') f.threadStarts.push(start.text);
  }
  for (const a of args) recordValue(unit, a, f);
}

/** Identifiers used as values inside an initializer or assignment: candidate function pointers. */
function recordValueUses(unit: CUnitFacts, node: SyntaxNode, initType: Map<number, string>, f?: CFunc): void {
  if (node.type === 'assignment_expression') {
    const r = node.childForFieldName('right'), l = node.childForFieldName('left');
    if (r) recordValue(unit, r, f, undefined, l ? slotOf(l, f) : {});
    return;
  }
  const typeName = initType.get(node.startIndex);
  for (const item of named(node)) {
    const value = item.type === 'initializer_pair' ? item.childForFieldName('value') : item;
    const designator = item.type === 'initializer_pair' ? named(item.childForFieldName('designator'))[0] : undefined;
    const slot: Slot = designator?.type === 'field_identifier' ? { field: designator.text, owner: typeName ? structName(typeName) : undefined } : {};
    if (value && value.type !== 'initializer_list') recordValue(unit, value, f, typeName, slot);
  }
}

function recordValue(unit: CUnitFacts, node: SyntaxNode, f?: CFunc, typeName?: string, slot: Slot = {}): void {
  const cast = node.type === 'cast_expression' ? node.childForFieldName('type')?.text : undefined;
  const v = stripCasts(node);
  if (v.type !== 'identifier' || (f && f.params.some((p) => p.name === v.text))) return;
  unit.pointerUses.push({ name: v.text, typeName: cast ?? (slot.field ? undefined : typeName), span: span(v), ...slot });
}

/** `s->write` / `s.write`: the field, and the struct type when `s` is a declared parameter or local. */
function slotOf(node: SyntaxNode, f?: CFunc): Slot {
  if (node.type !== 'field_expression') return {};
  const field = node.childForFieldName('field')?.text;
  const base = node.childForFieldName('argument');
  const declared = base?.type === 'identifier' && f ? f.params.find((p) => p.name === base.text)?.type ?? f.localTypes[base.text] : undefined;
  return { field, owner: declared ? structName(declared) : undefined };
}

/** `const struct net_stream *` → `net_stream`. */
function structName(type: string): string {
  return type.replace(/\b(const|volatile|struct|union)\b|\*/g, ' ').trim().replace(/\s+/g, ' ');
}

function stripCasts(node: SyntaxNode): SyntaxNode {
  for (;;) {
    if (node.type === 'cast_expression') node = node.childForFieldName('value') ?? node;
    else if (node.type === 'parenthesized_expression' && named(node).length === 1) node = named(node)[0];
    else if (node.type === 'pointer_expression' && node.childForFieldName('operator')?.text === '&') node = node.childForFieldName('argument') ?? node;
    else return node;
  }
}

export function cArgFlow(arg: SyntaxNode, params: CParam[]): ArgFlow | null {
  return argFlowOf(arg, params, stripCasts, (n) => constEval(n.text, new Map()));
}

