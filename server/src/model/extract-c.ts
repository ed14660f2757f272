// C or C++ tree → CUnitFacts (model/c-facts.ts): functions with their calls, locals, value flows
// and depth guards; records, typedefs, enums, globals and prototypes. The text is what the
// preprocessor left for this unit (skipped code blanked), so offsets are the file's own; for a
// preamble, the Go file's. Sizes and bounds stay expressions: the unit evaluates them.
import type { Lang, ParserBackend, SyntaxNode } from '../parse/backend';
import type { CCall, CClause, CFlow, CFunc, CInit, CRecord, CSymbol, CSymbolKind, CUnitFacts, CVar } from './c-facts';
import { conditionsAt } from './c-conditions';
import { cppScopes, type CppScopes } from './cpp-scopes';
import { baseType, CPP_CASTS, declared, exprOf, fnType, initOf, nameText, signatureOf, typeDescriptor, type ExprContext } from './c-syntax';
import type { ArgFlow, Span } from './facts';
import { argFlowOf, assignToEnclosing, named, parseIgnore, span } from './syntax-util';
import { listAt } from '../util/list-at';

const ALLOCA = new Set(['alloca', '__builtin_alloca', '_alloca']);

export type CLang = Extract<Lang, 'c' | 'cpp'>;

export function extractC(backend: ParserBackend, lang: CLang, text: string): CUnitFacts {
  const tree = backend.parse(lang, text);
  try {
    return new Extractor(backend, lang, tree.root).run();
  } finally {
    tree.dispose();
  }
}

class Extractor {
  private readonly unit: CUnitFacts = { funcs: [], records: [], typedefs: {}, enums: [], globals: [], prototypes: {}, externC: [], symbols: [], ignores: [], errors: 0 };
  /** Declarations met anywhere; those inside a function body are dropped at the end. */
  private readonly symbols: CSymbol[] = [];
  private readonly byCapture = new Map<string, SyntaxNode[]>();
  private funcSpans: Span[] = [];
  private funcNodes: SyntaxNode[] = [];
  private scopes!: CppScopes;
  /** Per function: call node start → index in its calls. */
  private readonly callIndex: Map<number, number>[] = [];
  private readonly funcAt = new Map<number, number>();

  constructor(private readonly backend: ParserBackend, private readonly lang: CLang, private readonly root: SyntaxNode) {}

  run(): CUnitFacts {
    const { unit, backend, lang, root } = this;
    unit.errors = root.hasError ? 1 : 0;
    for (const m of backend.matches(lang, 'comments', root)) {
      const c = m.captures[0].node;
      const ig = c.text.includes('g0guard:ignore') ? parseIgnore(c.text) : null;
      if (ig) unit.ignores.push({ ...ig, line: -1, span: span(c) });
    }
    for (const m of backend.matches(lang, 'declarations', root)) listAt(this.byCapture, m.captures[0].name).push(m.captures[0].node);
    for (const list of this.byCapture.values()) list.sort((a, b) => a.startIndex - b.startIndex);
    this.scopes = cppScopes(this.nodes('namespace'), this.nodes('record'), this.nodes('linkage'));
    const funcNodes = backend.matches(lang, 'functions', root).map((m) => m.captures[0].node).sort((a, b) => a.startIndex - b.startIndex);
    this.funcNodes = funcNodes;
    this.funcSpans = funcNodes.map(span);
    funcNodes.forEach((n, i) => this.funcAt.set(n.startIndex, i));
    funcNodes.forEach((n) => unit.funcs.push(this.newFunc(n)));
    // A lambda belongs to the function around it (outside its own start it sees only the outer ones).
    assignToEnclosing(this.funcSpans, funcNodes.map((n, i) => ({ start: n.startIndex, outside: true, i })), (item, parent) => {
      if (unit.funcs[item.i].role === 'lambda') unit.funcs[item.i].parent = parent;
    });
    this.readTypes();
    this.readCalls();
    this.readDeclarations();
    this.readFlows();
    funcNodes.forEach((n, i) => this.readGuards(n, unit.funcs[i]));
    this.keepFileScopeSymbols();
    return unit;
  }

  private symbol(kind: CSymbolKind, nameNode: SyntaxNode | null | undefined, decl: SyntaxNode): void {
    if (nameNode) this.symbols.push({ name: nameText(nameNode), kind, span: span(nameNode), decl: span(decl) });
  }

  private keepFileScopeSymbols(): void {
    const items = this.symbols.map((s) => ({ start: s.decl.start, s })).sort((a, b) => a.start - b.start);
    const inside = new Set<CSymbol>();
    assignToEnclosing(this.funcSpans, items, ({ s }) => inside.add(s));
    this.unit.symbols = items.map((i) => i.s).filter((s) => !inside.has(s));
  }

  /** The nodes of one capture of the declarations query, in source order. */
  private nodes(capture: string): SyntaxNode[] {
    return this.byCapture.get(capture) ?? [];
  }

  private exprContext(fi: number | undefined): ExprContext {
    return {
      callAt: (start) => (fi === undefined ? undefined : this.callIndex[fi]?.get(start)),
      lambdaAt: (start) => this.funcAt.get(start),
    };
  }

  private newFunc(node: SyntaxNode): CFunc {
    const f: CFunc = {
      name: '', qualified: '', scope: '', isStatic: false, externC: this.lang === 'c', span: span(node), nameSpan: span(node),
      params: [], variadic: false, ret: 'void', calls: [], flows: [], locals: [], allocas: [], guards: [], threadStarts: [], catchesAll: false, sets: [],
    };
    if (node.type === 'lambda_expression') {
      const decl = node.childForFieldName('declarator');
      const p = decl ? declared('void', decl).fn : undefined;
      Object.assign(f, { name: '<lambda>', qualified: '<lambda>', role: 'lambda', params: p?.params ?? [], variadic: p?.variadic ?? false, scope: this.scopes.scopeAt(node.startIndex) });
      return f;
    }
    const base = baseType(node.childForFieldName('type')?.text ?? 'int');
    const d = declared(base, node.childForFieldName('declarator'));
    const fn = fnType(d.type);
    f.params = d.fn?.params ?? [];
    f.variadic = d.fn?.variadic ?? false;
    f.ret = fn?.ret ?? base;
    f.isStatic = named(node).some((n) => n.type === 'storage_class_specifier' && n.text === 'static');
    if (d.nameNode) f.nameSpan = span(d.nameNode);
    const full = d.name;
    if (this.lang === 'c') {
      f.name = f.qualified = /^[A-Za-z_]\w*$/.test(full) ? full : '';
      return f;
    }
    // C++: the namespaces and class around the definition, then the declarator's own scope.
    const outer = this.scopes.scopeAt(node.startIndex);
    const inClass = this.scopes.classAt(node.startIndex);
    const parts = full.split('::');
    f.name = parts[parts.length - 1];
    f.qualified = [outer, ...parts].filter(Boolean).join('::');
    f.scope = parts.length > 1 ? [outer, ...parts.slice(0, -1)].filter(Boolean).join('::') : outer;
    f.cls = inClass ?? (parts.length > 1 ? f.scope : undefined);
    const clsName = f.cls?.split('::').pop();
    if (f.name.startsWith('~')) f.role = 'dtor';
    else if (clsName && f.name === clsName) f.role = 'ctor';
    f.externC = this.scopes.externCAt(node.startIndex) && !f.cls && parts.length === 1;
    if (!/^(~?[A-Za-z_]\w*|operator\S+)$/.test(f.name)) f.name = '';
    return f;
  }

  /** Records, typedefs, enums: what sizes, slots and member calls are resolved against. */
  private readTypes(): void {
    const { unit } = this;
    const typedefNames = new Map<number, string>(); // anonymous record start → typedef name
    for (const td of this.nodes('typedef')) {
      if (td.type === 'alias_declaration') {
        const name = td.childForFieldName('name')?.text;
        if (name) unit.typedefs[name] = typeDescriptor(td.childForFieldName('type'));
        this.symbol('typedef', td.childForFieldName('name'), td);
        continue;
      }
      const typeNode = td.childForFieldName('type');
      const base = this.recordTypeName(typeNode) ?? baseType(typeNode?.text ?? '');
      for (const dn of named(td).filter((n) => n.startIndex !== typeNode?.startIndex && n.type !== 'type_qualifier' && n.type !== 'attribute_specifier')) {
        const d = declared(base, dn);
        if (!d.name) continue;
        if (typeNode && !typeNode.childForFieldName('name') && typeNode.childForFieldName('body') && !typedefNames.has(typeNode.startIndex)) typedefNames.set(typeNode.startIndex, d.name);
        if (d.name !== base) unit.typedefs[d.name] = d.type + '*'.repeat(d.dims.length);
        this.symbol('typedef', d.nameNode, td);
      }
    }
    for (const r of this.nodes('record')) {
      const nameNode = r.childForFieldName('name');
      const name = nameNode ? this.recordTypeName(r)! : typedefNames.get(r.startIndex) ?? anonName(r);
      const rec = this.readRecord(r, name);
      unit.records.push(rec);
      this.symbol(rec.kind, nameNode, r);
    }
    for (const list of this.nodes('enums')) {
      let first = true;
      if (list.parent?.type === 'enum_specifier') this.symbol('enum', list.parent.childForFieldName('name'), list.parent);
      for (const e of named(list)) {
        if (e.type !== 'enumerator') continue;
        this.symbol('enumerator', e.childForFieldName('name'), e);
        unit.enums.push({ name: e.childForFieldName('name')?.text ?? '', value: e.childForFieldName('value')?.text, first });
        first = false;
      }
    }
  }

  /**
   * The name a struct/union/class specifier gives a type (`struct foo {…}` → `foo`), if any. A C++
   * definition nested in a namespace or class is named with them; a mere use keeps its name.
   */
  private recordTypeName(typeNode: SyntaxNode | null): string | undefined {
    if (!typeNode || !/^(struct|union|class)_specifier$/.test(typeNode.type)) return undefined;
    const n = typeNode.childForFieldName('name');
    const body = typeNode.childForFieldName('body');
    if (n) return body && this.lang === 'cpp' ? this.scopes.qualify(nameText(n), typeNode.startIndex) : nameText(n);
    return body ? anonName(typeNode) : undefined;
  }

  private readRecord(r: SyntaxNode, name: string): CRecord {
    const rec: CRecord = { name, kind: r.type === 'union_specifier' ? 'union' : r.type === 'class_specifier' ? 'class' : 'struct', fields: [], bases: [], methods: [], span: span(r) };
    for (const b of named(named(r).find((n) => n.type === 'base_class_clause'))) if (b.type !== 'access_specifier') rec.bases.push(baseType(b.text));
    const visit = (body: SyntaxNode | null) => {
      for (const member of named(body)) {
        if (member.type === 'function_definition' || member.type === 'template_declaration') {
          const fd = member.type === 'template_declaration' ? named(member).find((n) => n.type === 'function_definition') : member;
          const d = fd ? declared('', fd.childForFieldName('declarator')) : undefined;
          if (d?.name) rec.methods.push({ name: d.name.split('::').pop()!, virtual: isVirtual(member) });
          continue;
        }
        if (member.type !== 'field_declaration' && member.type !== 'declaration') continue;
        const typeNode = member.childForFieldName('type');
        const decls = named(member).filter((n) => n.startIndex !== typeNode?.startIndex && /declarator|identifier$/.test(n.type) && n.type !== 'type_identifier');
        if (decls.length === 0 && typeNode?.childForFieldName('body') && !typeNode.childForFieldName('name')) { visit(typeNode.childForFieldName('body')); continue; } // C11 anonymous member
        const base = this.recordTypeName(typeNode) ?? baseType(typeNode?.text ?? '');
        for (const dn of decls) {
          const d = declared(base, dn);
          if (!d.name) continue;
          if (d.fn) { rec.methods.push({ name: d.name, virtual: isVirtual(member) }); continue; }
          rec.fields.push({ name: d.name, type: d.type, dims: d.dims, bitfield: named(member).some((n) => n.type === 'bitfield_clause') || undefined });
        }
      }
    };
    visit(r.childForFieldName('body'));
    return rec;
  }

  private readCalls(): void {
    const { unit, backend, lang, root } = this;
    const found = backend.matches(lang, 'calls', root).map((m) => ({
      start: m.captures[0].node.startIndex,
      call: m.captures.find((c) => c.name === 'call')!.node,
      callee: m.captures.find((c) => c.name === 'callee')!.node,
      args: named(m.captures.find((c) => c.name === 'args')!.node),
    })).sort((a, b) => a.start - b.start);
    const whenAt = this.conditions(found.map((c) => c.start));
    const perFunc: (typeof found)[] = unit.funcs.map(() => []);
    // static_cast<T>(x) and the like are conversions, not calls.
    const calls = found.filter((c) => c.callee.type !== 'template_function' || !CPP_CASTS.test(c.callee.childForFieldName('name')?.text ?? ''));
    assignToEnclosing(this.funcSpans, calls, (item, fi) => perFunc[fi].push(item));
    perFunc.forEach((list, fi) => { this.callIndex[fi] = new Map(list.map((c, k) => [c.call.startIndex, k])); });
    perFunc.forEach((list, fi) => {
      const f = unit.funcs[fi];
      const ctx = this.exprContext(fi);
      for (const { call, callee, args } of list) {
        const c: CCall = { span: span(call), callee: exprOf(callee, ctx), args: args.map((a) => exprOf(a, ctx)), argFlows: args.map((a) => cArgFlow(a, f.params)) };
        const atoms = whenAt.get(call.startIndex);
        if (atoms?.length) c.when = atoms;
        if (args.some((a) => a.text.length <= 64)) c.argTexts = args.map((a) => (a.text.length <= 64 ? a.text : null));
        f.calls.push(c);
        const name = callee.type === 'identifier' ? callee.text : undefined;
        if (name && ALLOCA.has(name)) f.allocas.push({ span: span(call), size: args[0]?.text ?? null, what: name });
        if (name === 'pthread_create' && args[2]) {
          const start = exprOf(args[2], ctx);
          const target = start.kind === 'cast' ? start.base : start;
          if (target.kind === 'name' || (target.kind === 'addr' && target.base.kind === 'name')) f.threadStarts.push(target.kind === 'name' ? target.name : (target.base as { name: string }).name);
        }
      }
    });
    // C++ new and delete call constructors and destructors (and never take stack).
    const special = (capture: string, kind: 'ctor' | 'dtor') => {
      const items = this.nodes(capture).map((n) => ({ start: n.startIndex, n }));
      assignToEnclosing(this.funcSpans, items, ({ n }, fi) => {
        const ctx = this.exprContext(fi);
        const type = kind === 'ctor' ? baseType(n.childForFieldName('type')?.text ?? '') : '';
        const operand = kind === 'dtor' ? exprOf(named(n)[named(n).length - 1] ?? null, ctx) : undefined;
        const args = kind === 'ctor' ? named(n.childForFieldName('arguments')) : [];
        unit.funcs[fi].calls.push({
          span: span(n), special: kind, callee: operand ?? { kind: 'name', name: type },
          args: args.map((a) => exprOf(a, ctx)), argFlows: args.map((a) => cArgFlow(a, unit.funcs[fi].params)),
        });
      });
    };
    special('new', 'ctor');
    special('delete', 'dtor');
    const catches = this.nodes('catch').map((n) => ({ start: n.startIndex, n }));
    assignToEnclosing(this.funcSpans, catches, ({ n }, fi) => { if (/^\(\s*\.\.\.\s*\)$/.test(n.childForFieldName('parameters')?.text ?? '')) unit.funcs[fi].catchesAll = true; });
  }

  /** Locals (frames, types for member and slot calls), globals (tables of callbacks), prototypes. */
  private readDeclarations(): void {
    const { unit } = this;
    const items = this.nodes('decl').map((n) => ({ start: n.startIndex, n }));
    const inFunc = new Set<number>();
    assignToEnclosing(this.funcSpans, items, ({ n }, fi) => {
      inFunc.add(n.startIndex);
      for (const v of this.vars(n, fi)) {
        const f = unit.funcs[fi];
        f.locals.push(v);
        // `Foo f(1, 2);` and `Foo f;` construct a Foo in the frame, destroyed at the end of the scope.
        if (this.lang === 'cpp' && /^[A-Za-z_][\w:]*$/.test(v.type) && v.dims.length === 0 && !v.isStatic && !isScalar(v.type)) {
          f.calls.push({ span: v.span, special: 'ctor', callee: { kind: 'name', name: v.type }, args: [], argFlows: [] });
          f.calls.push({ span: v.span, special: 'dtor', callee: { kind: 'name', name: v.name }, args: [], argFlows: [] });
        }
      }
    });
    for (const { n } of items) {
      if (inFunc.has(n.startIndex) || this.scopes.classAt(n.startIndex) !== undefined) continue;
      const typeNode = n.childForFieldName('type');
      const base = this.recordTypeName(typeNode) ?? baseType(typeNode?.text ?? 'int');
      const externC = this.lang === 'c' || this.scopes.externCAt(n.startIndex);
      for (const dn of declarators(n)) {
        const d = declared(base, dn);
        if (!d.name) continue;
        const sig = signatureOf(base, d);
        this.symbol(sig ? 'prototype' : 'variable', d.nameNode, n);
        if (sig) {
          unit.prototypes[d.name] = sig;
          if (externC && this.lang === 'cpp') unit.externC.push(d.name);
        }
      }
      unit.globals.push(...this.vars(n, undefined));
    }
    for (const f of unit.funcs) {
      if (f.role || !f.name) continue;
      unit.prototypes[f.qualified] ??= { params: f.params.map((p) => p.type), variadic: f.variadic, ret: f.ret };
    }
    const ranges = this.nodes('range').map((n) => ({ start: n.startIndex, n }));
    assignToEnclosing(this.funcSpans, ranges, ({ n }, fi) => {
      const d = declared(baseType(n.childForFieldName('type')?.text ?? 'auto'), n.childForFieldName('declarator'));
      if (!d.name) return;
      const right = exprOf(n.childForFieldName('right'), this.exprContext(fi));
      unit.funcs[fi].locals.push({ name: d.name, type: d.type, dims: [], span: span(n), isStatic: false, init: { kind: 'expr', expr: { kind: 'index', base: right } } });
    });
  }

  /** The variables a declaration declares (functions excluded). */
  private vars(n: SyntaxNode, fi: number | undefined): CVar[] {
    const out: CVar[] = [];
    const typeNode = n.childForFieldName('type');
    const base = this.recordTypeName(typeNode) ?? baseType(typeNode?.text ?? 'int');
    const storage = named(n).filter((c) => c.type === 'storage_class_specifier').map((c) => c.text);
    if (storage.includes('extern') || storage.includes('typedef')) return out;
    const isConst = named(n).some((c) => c.type === 'type_qualifier' && /^const(expr)?$/.test(c.text)) || /^\s*(static\s+)?const(expr)?\b/.test(n.text);
    for (const dn of declarators(n)) {
      const d = declared(base, dn);
      if (!d.name || d.fn) continue;
      const valueNode = dn.type === 'init_declarator' ? dn.childForFieldName('value') : null;
      const init: CInit | undefined = valueNode ? initOf(valueNode, this.exprContext(fi)) : undefined;
      const v: CVar = { name: d.name, type: d.type, dims: d.dims, span: span(dn), isStatic: storage.includes('static') };
      if (init) v.init = init;
      if (valueNode?.type === 'initializer_list') v.initCount = named(valueNode).length;
      if (isConst && valueNode && valueNode.type !== 'initializer_list' && d.dims.length === 0) v.constValue = valueNode.text;
      out.push(v);
    }
    return out;
  }

  private whenAt?: Map<number, CClause[]>;

  /**
   * What holds at each call and assignment (c-conditions.ts), computed once for both: the
   * conditions are read off every if statement of the file.
   */
  private conditions(starts: number[]): Map<number, CClause[]> {
    if (this.whenAt) return this.whenAt;
    const all = [...new Set([...this.nodes('assign'), ...this.nodes('return')].map((n) => n.startIndex).concat(starts))].sort((a, b) => a - b);
    const bodies = this.funcNodes.map((n) => n.childForFieldName('body')).filter((b): b is SyntaxNode => !!b);
    const when = conditionsAt(this.nodes('if'), bodies, all);
    return (this.whenAt = new Map(all.map((x, k) => [x, when[k]])));
  }

  /** Assignments and returns: where function values (and lambdas) go, and what variables hold when. */
  private readFlows(): void {
    const { unit } = this;
    const items = [...this.nodes('assign'), ...this.nodes('return')].sort((a, b) => a.startIndex - b.startIndex).map((n) => ({ start: n.startIndex, n }));
    const whenAt = this.conditions(items.map((i) => i.start));
    assignToEnclosing(this.funcSpans, items, ({ n }, fi) => {
      const ctx = this.exprContext(fi);
      if (n.type === 'return_statement') {
        const value = named(n)[0];
        if (value) unit.funcs[fi].flows.push({ to: { kind: 'name', name: '<return>' }, value: exprOf(value, ctx), span: span(n) });
        return;
      }
      if (n.childForFieldName('operator')?.text !== '=') return;
      const left = n.childForFieldName('left'), right = n.childForFieldName('right');
      const flow: CFlow = { to: exprOf(left, ctx), value: exprOf(right, ctx), span: span(n) };
      if (left?.type === 'identifier') {
        const w = whenAt.get(n.startIndex);
        if (w?.length) flow.when = w;
        if (right && right.text.length <= 64) flow.valueText = right.text;
      }
      unit.funcs[fi].flows.push(flow);
    });
  }

  /** `if (d >= LIMIT) return …;` (also inside `a || b` conditions) at the top of the body; `flag = 1;` there too. */
  private readGuards(node: SyntaxNode, f: CFunc): void {
    for (const stmt of named(node.childForFieldName('body'))) {
      const set = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
      if (set?.type === 'assignment_expression' && set.childForFieldName('operator')?.text === '=') {
        const l = set.childForFieldName('left'), r = set.childForFieldName('right');
        if (l?.type === 'identifier' && r && /^(number_literal|true|false|null|nullptr|identifier|char_literal)$/.test(r.type)) f.sets.push({ name: l.text, value: r.text });
      }
      if (stmt.type !== 'if_statement') continue;
      let cond = stmt.childForFieldName('condition');
      if (cond?.type === 'condition_clause') cond = cond.childForFieldName('value');
      const body = stmt.childForFieldName('consequence');
      if (!cond || !body || !/\breturn\b/.test(body.text)) continue;
      const terms: SyntaxNode[] = [cond];
      while (terms.length) {
        let t = terms.pop()!;
        while (t.type === 'parenthesized_expression' && named(t).length === 1) t = named(t)[0];
        if (t.type !== 'binary_expression') continue;
        const op = t.childForFieldName('operator')?.text;
        const left = t.childForFieldName('left'), right = t.childForFieldName('right');
        if (!left || !right) continue;
        if (op === '||') { terms.push(left, right); continue; }
        const guard = (v: SyntaxNode, limit: SyntaxNode, strict: boolean) => {
          const flow = cArgFlow(v, f.params);
          if (flow && flow.delta === 0) f.guards.push({ param: flow.param, limit: limit.text, strict });
        };
        if (op === '>=' || op === '>') guard(left, right, op === '>');
        else if (op === '<=' || op === '<') guard(right, left, op === '<');
      }
    }
  }
}

function declarators(n: SyntaxNode): SyntaxNode[] {
  const typeNode = n.childForFieldName('type');
  return named(n).filter((c) => c.startIndex !== typeNode?.startIndex && c.type !== 'storage_class_specifier' && c.type !== 'type_qualifier' && c.type !== 'attribute_specifier' && c.type !== 'attribute_declaration' && c.type !== 'ms_declspec_modifier' && !c.type.endsWith('_specifier'));
}

function isVirtual(member: SyntaxNode): boolean {
  return member.children.some((c) => c.type === 'virtual') || /^\s*virtual\b/.test(member.text);
}

const SCALARS = /^(u?(int|char|short|long|long long)|float|double|bool|_Bool|size_t|ssize_t|u?int(8|16|32|64)_t|auto|void|wchar_t|char(8|16|32)_t)$/;

function isScalar(type: string): boolean {
  return SCALARS.test(type) || type.endsWith('*');
}

function anonName(node: SyntaxNode): string {
  return `<anonymous@${node.startIndex}>`;
}

function stripCasts(node: SyntaxNode): SyntaxNode {
  for (;;) {
    if (node.type === 'cast_expression') node = node.childForFieldName('value') ?? node;
    else if (node.type === 'parenthesized_expression' && named(node).length === 1) node = named(node)[0];
    else if (node.type === 'pointer_expression' && node.childForFieldName('operator')?.text === '&') node = node.childForFieldName('argument') ?? node;
    else return node;
  }
}

function cArgFlow(arg: SyntaxNode, params: { name: string }[]): ArgFlow | null {
  return argFlowOf(arg, params, stripCasts, (n) => (n.type === 'number_literal' ? Number.parseInt(n.text, n.text.startsWith('0x') ? 16 : 10) : null));
}
