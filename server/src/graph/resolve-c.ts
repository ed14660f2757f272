// Resolves the calls of one package's C and C++ functions. Direct calls by the language's lookup
// rules (c-lookup.ts); C→Go through //export names; member calls by the object's class; calls
// through function pointers by the values that flow into the pointer (c-values.ts), typed by
// struct and field, or by a compatible signature for values that escaped. A function value handed
// to a library function whose body is not in the workspace is assumed to be called by it: an
// `assumed` edge, named as such in the evidence. What resolves to nothing is counted.
import type { CCall, CExpr, CInit, CSignature, CType } from '../model/c-facts';
import { fieldType, memberRecord, recordNamed, recordOf, resolveType, signatureOfType, splitStars, unitTypes, type UnitTypes } from '../model/c-types';
import type { CFieldDest, GoCValue } from '../model/facts';
import type { GoFile } from '../model/package';
import type { CallGraph, CNodeInfo, EdgeKind, FuncNode, PackageIndex, WorkspaceIndex } from './callgraph';
import { isLocalName, typeOfExpr, type TypeContext } from './c-expr-types';
import { cFromGo, directTargets, hasMethod, methodTargets } from './c-lookup';
import { compatible, signatureOfNode } from './c-signature';
import { holder, ValueFlow, type Holder } from './c-values';
import { listAt } from '../util/list-at';

/** Library functions that run what they are given on another thread or in a signal handler, not on this g0. */
const ELSEWHERE = new Set(['pthread_create', 'thrd_create', 'signal', 'sigaction', 'atexit', 'at_quick_exit', 'pthread_atfork', 'std::thread', 'std::jthread', 'std::async', 'CreateThread', '_beginthreadex']);

interface Site { from: number; call: CCall; k: number }

const STD_TYPE = /^std::(string|wstring|string_view|vector|map|unordered_map|set|unordered_set|pair|tuple|unique_ptr|shared_ptr|function|optional|array|deque|list)\b/;

export function resolveCCalls(index: WorkspaceIndex, pi: PackageIndex): void {
  const { graph } = index;
  const ids = [...new Set(pi.cNodeOf.values())];
  const goValues = pi.pkg.goFiles.flatMap((f) => f.facts.cValues.map((v) => ({ file: f, v })));
  if (ids.length === 0 && goValues.length === 0) return;
  const r = new Resolver(graph, pi);
  for (const id of ids) r.directCalls(id);
  // Values need following only where something may call through them: a pointer call, or a
  // library call given a name (a function, a variable, a table).
  if (r.needsValues()) {
    for (const id of ids) r.flows(id);
    r.unitGlobals();
  }
  for (const { file, v } of goValues) r.goValue(file, v);
  r.finish();
}

class Resolver {
  private readonly flow = new ValueFlow();
  /** Targets of direct and member calls, per `node:call`. */
  private readonly direct = new Map<string, number[]>();
  private readonly throughHolder: (Site & { holder: Holder; sig?: CSignature })[] = [];
  private readonly external: (Site & { name: string })[] = [];
  private readonly externalOf = new Map<number, (Site & { name: string })[]>();
  /** `C.f` values Go hands to a C function not in the workspace: assumed edges from the Go function. */
  private readonly goGiven: { from: number; v: GoCValue; callee: string; values: number[] }[] = [];

  constructor(private readonly graph: CallGraph, private readonly pi: PackageIndex) {}

  private info(id: number): CNodeInfo { return this.graph.nodes[id].c!; }
  private types(id: number): UnitTypes { return unitTypes(this.info(id).view.units[0]); }

  private ctx(id: number): TypeContext {
    const c = this.info(id);
    const outerId = this.outerOf(id);
    return {
      fn: c, types: this.types(id), outer: outerId !== undefined ? this.info(outerId) : undefined,
      callResult: (k) => {
        const t = this.direct.get(`${id}:${k}`)?.[0];
        const ret = t !== undefined ? this.graph.nodes[t].c?.ret : undefined;
        const call = c.calls[k];
        if (ret !== undefined) return ret;
        if (call?.callee.kind !== 'name') return undefined;
        const types = this.types(id);
        // `std::string(p, n)`, `Foo(x)`: a conversion or a temporary of that type.
        if (STD_TYPE.test(call.callee.name) || recordNamed(call.callee.name, types, c.scope) || types.typedefs.has(call.callee.name)) return call.callee.name;
        return types.prototypes.get(call.callee.name)?.ret;
      },
    };
  }

  private edge(from: number, to: number, kind: EdgeKind, call: CCall, via?: string, bySignature?: boolean): void {
    const node = this.graph.nodes[from];
    this.graph.addEdge({ from, to, kind, file: node.file, span: call.span, args: call.argFlows, via, ...(bySignature ? { bySignature } : {}) });
  }

  needsValues(): boolean {
    const named = (e: CExpr): boolean => e.kind === 'name' || e.kind === 'lambda' || e.kind === 'field' || ((e.kind === 'addr' || e.kind === 'cast') && named(e.base));
    return this.throughHolder.length > 0 || this.external.some((e) => e.call.args.some(named));
  }

  /** Direct, member, constructor and destructor calls; the rest waits for the value flow. */
  directCalls(id: number): void {
    const c = this.info(id);
    const ctx = this.ctx(id);
    const { types } = ctx;
    c.calls.forEach((call, k) => {
      const site: Site = { from: id, call, k };
      const targets = this.resolve(site, ctx, types);
      if (targets === undefined) return;
      this.direct.set(`${id}:${k}`, targets);
    });
  }

  /** Targets of a call known without value flow; undefined when it goes through a holder or nowhere. */
  private resolve(site: Site, ctx: TypeContext, types: UnitTypes): number[] | undefined {
    const { call } = site;
    const id = site.from;
    const node = this.graph.nodes[id];
    const callee = call.callee;
    if (call.special) return this.special(site, ctx, types);
    if (callee.kind === 'lambda') {
      const to = this.pi.cNodeOf.get(ctx.fn.view.facts.funcs[callee.func]);
      if (to !== undefined) { this.edge(id, to, 'call', call); this.graph.site('c-function', 'resolved'); return [to]; }
      return undefined;
    }
    if (callee.kind === 'name') {
      const local = isLocalName(callee.name, ctx);
      if (local) {
        // A function object (a class with operator()): invoking it calls that method.
        const t = typeOfExpr(callee, ctx);
        const rec = t !== undefined ? recordOf(t, types, false) : undefined;
        if (rec && node.cpp && hasMethod(rec, 'operator()', types)) {
          const targets = methodTargets(this.graph, this.pi, rec, 'operator()', call.args.length, types);
          for (const t2 of targets) this.edge(id, t2, 'call', call);
          this.graph.site('c-method', targets.length ? 'resolved' : 'unresolved');
          return targets;
        }
        this.viaHolder(site, holder.local(local === 'own' ? id : this.outerOf(id)!, callee.name), ctx);
        return undefined;
      }
      const argTypes = () => call.args.map((a) => typeOfExpr(a, ctx));
      const targets = directTargets(this.graph, this.pi, node, callee.name, call.args.length, types, argTypes);
      if (targets.length) { for (const t of targets) this.edge(id, t, 'call', call); this.graph.site('c-function', 'resolved'); return targets; }
      const exp = this.pi.exports.get(callee.name);
      if (exp !== undefined) { this.edge(id, exp, 'export', call); this.graph.site('c-function', 'resolved'); return [exp]; }
      const h = this.holderOf(callee, id, ctx); // a global, or a member of the method's class
      if (h) { this.viaHolder(site, h, ctx); return undefined; }
      this.graph.stats.external++;
      this.addExternal(site, callee.name);
      return [];
    }
    if (callee.kind === 'field') {
      const baseType = typeOfExpr(callee.base, ctx);
      const rec = baseType !== undefined ? memberRecord(baseType, types, callee.arrow) : undefined;
      if (rec && node.cpp && hasMethod(rec, callee.field, types)) {
        const targets = methodTargets(this.graph, this.pi, rec, callee.field, call.args.length, types, () => call.args.map((a) => typeOfExpr(a, ctx)));
        for (const t of targets) this.edge(id, t, 'call', call);
        if (targets.length === 0) { this.graph.stats.external++; this.addExternal(site, `${rec.name}::${callee.field}`); } else this.graph.site('c-method', 'resolved');
        return targets;
      }
      if (rec) { this.viaHolder(site, holder.slot(rec.name, callee.field), ctx, fieldType(rec, callee.field, types)); return undefined; }
      // A known type outside the workspace (std::string::size): an external call. Unknown: unresolved.
      if (baseType !== undefined && !recordNamed(splitStars(resolveType(baseType, types)).base, types)) { this.graph.stats.external++; this.addExternal(site, callee.field); return []; }
      this.graph.site('c-method', 'unresolved');
      return [];
    }
    const h = this.holderOf(stripDeref(callee), id, ctx);
    if (h) { this.viaHolder(site, h, ctx); return undefined; }
    this.graph.site('c-pointer', 'unresolved');
    return [];
  }

  private addExternal(site: Site, name: string): void {
    const e = { ...site, name };
    this.external.push(e);
    listAt(this.externalOf, site.from).push(e);
  }

  /** `new T(…)`, `T x(…)`: T's constructors; `delete p`, end of scope: the destructor. */
  private special(site: Site, ctx: TypeContext, types: UnitTypes): number[] {
    const { call } = site;
    let rec;
    if (call.special === 'ctor' && call.callee.kind === 'name') rec = recordNamed(call.callee.name, types, ctx.fn.scope);
    else {
      const t = typeOfExpr(call.callee, ctx);
      rec = t !== undefined ? recordOf(t, types, true) ?? recordOf(t, types, false) : undefined;
    }
    if (!rec) return [];
    const short = rec.name.split('::').pop()!;
    const name = call.special === 'ctor' ? short : `~${short}`;
    const targets = call.special === 'ctor' ? (this.pi.cppFuncs.get(`${rec.name}::${name}`) ?? []).filter((t) => this.info(t).params.length === call.args.length || this.info(t).variadic)
      : methodTargets(this.graph, this.pi, rec, name, 0, types);
    for (const t of targets) this.edge(site.from, t, 'call', call);
    return targets;
  }

  private outerOf(id: number): number | undefined {
    const c = this.info(id);
    return c.parent !== undefined ? this.pi.cNodeOf.get(c.view.facts.funcs[c.parent]) : undefined;
  }

  private viaHolder(site: Site, h: Holder, ctx: TypeContext, declared?: CType): void {
    const type = declared ?? this.holderType(site.call.callee, ctx);
    const sig = (site.call.callee.kind === 'cast' ? signatureOfType(site.call.callee.type, ctx.types) : undefined) ?? (type !== undefined ? signatureOfType(type, ctx.types) : undefined);
    this.throughHolder.push({ ...site, holder: h, sig });
  }

  private holderType(e: CExpr, ctx: TypeContext): CType | undefined {
    const inner = e.kind === 'deref' ? e.base : e;
    return typeOfExpr(inner, ctx);
  }

  /** The holder an expression reads or writes: a local, a global, a slot; undefined when unknown. */
  private holderOf(e: CExpr, id: number, ctx: TypeContext): Holder | undefined {
    switch (e.kind) {
      case 'name': {
        const local = isLocalName(e.name, ctx);
        if (local) return holder.local(local === 'own' ? id : this.outerOf(id)!, e.name);
        if (ctx.types.globals.has(e.name)) return holder.global(e.name);
        const cls = ctx.fn.cls ? recordNamed(ctx.fn.cls, ctx.types) : undefined;
        if (cls && fieldType(cls, e.name, ctx.types)) return holder.slot(cls.name, e.name);
        return undefined;
      }
      case 'field': {
        const t = typeOfExpr(e.base, ctx);
        const rec = t !== undefined ? memberRecord(t, ctx.types, e.arrow) : undefined;
        return rec ? holder.slot(rec.name, e.field) : undefined;
      }
      case 'index': case 'cast': return this.holderOf(e.base, id, ctx);
      case 'deref': { const h = this.holderOf(e.base, id, ctx); return h && holder.pointee(h); }
      case 'call': {
        const t = this.direct.get(`${id}:${e.call}`);
        return t?.length === 1 ? holder.result(t[0]) : undefined;
      }
      default: return undefined;
    }
  }

  /** Puts what `e` evaluates to (functions, lambdas, or another holder's values) into `to`. */
  private pour(to: Holder, e: CExpr, id: number, ctx: TypeContext): void {
    switch (e.kind) {
      case 'name': {
        const fn = this.functionNamed(e.name, id, ctx);
        if (fn.length) { for (const f of fn) this.flow.addValue(to, f); return; }
        const h = this.holderOf(e, id, ctx);
        if (h) this.flow.addCopy(h, to);
        return;
      }
      case 'lambda': {
        const l = this.pi.cNodeOf.get(ctx.fn.view.facts.funcs[e.func]);
        if (l !== undefined) this.flow.addValue(to, l);
        return;
      }
      case 'addr': {
        // `&x` into `to`: what `to` points to is x, both ways (an out-parameter is written through it).
        const x = this.holderOf(e.base, id, ctx);
        if (x) { this.flow.addFlow(x, holder.pointee(to)); this.flow.addFlow(holder.pointee(to), x); }
        this.pour(to, e.base, id, ctx);
        return;
      }
      case 'cast': this.pour(to, e.base, id, ctx); return;
      case 'choice': for (const o of e.options) this.pour(to, o, id, ctx); return;
      default: {
        const h = this.holderOf(e, id, ctx);
        if (h) this.flow.addCopy(h, to);
      }
    }
  }

  /** A name that denotes a function (not a variable): C or C++ functions, or an export. */
  private functionNamed(name: string, id: number, ctx: TypeContext): number[] {
    if (isLocalName(name, ctx) || ctx.types.globals.has(name)) return [];
    const node = this.graph.nodes[id];
    const found = directTargets(this.graph, this.pi, node, name, -1, ctx.types);
    if (found.length) return found;
    const exp = this.pi.exports.get(name);
    return exp !== undefined ? [exp] : [];
  }

  /** An initializer into `to` (typed `type`): brace lists fill the slots of the record it names. */
  private pourInit(to: Holder, type: CType, init: CInit, id: number | undefined, ctx: TypeContext | undefined, types: UnitTypes, depth = 0): void {
    if (init.kind === 'expr') {
      if (ctx && id !== undefined) this.pour(to, init.expr, id, ctx);
      else this.pourGlobal(to, init.expr, types);
      return;
    }
    if (depth > 8) return;
    const rec = recordOf(type, types, false);
    let position = 0;
    for (const item of init.items) {
      if (rec) {
        const field = item.field ?? rec.fields[position]?.name;
        position = item.field ? rec.fields.findIndex((f) => f.name === item.field) + 1 : position + 1;
        const ft = field ? fieldType(rec, field, types) : undefined;
        if (field && ft !== undefined) this.pourInit(holder.slot(rec.name, field), ft, item.value, id, ctx, types, depth + 1);
      } else {
        // An array: each element has the element type and goes into the same holder.
        const elem = splitStars(resolveType(type, types));
        this.pourInit(to, elem.stars > 0 && item.value.kind === 'list' ? elem.base + '*'.repeat(elem.stars - 1) : type, item.value, id, ctx, types, depth + 1);
      }
    }
  }

  /** A global initializer's value: a function name, or another global. */
  private pourGlobal(to: Holder, e: CExpr, types: UnitTypes): void {
    if (e.kind === 'addr' || e.kind === 'cast') return this.pourGlobal(to, e.base, types);
    if (e.kind !== 'name') return;
    const fns = [...(this.pi.cFuncs.get(e.name) ?? []), ...(this.pi.cppFuncs.get(e.name) ?? [])];
    const exp = this.pi.exports.get(e.name);
    if (exp !== undefined) fns.push(exp);
    if (fns.length) for (const f of fns) this.flow.addValue(to, f);
    else if (types.globals.has(e.name)) this.flow.addCopy(holder.global(e.name), to);
  }

  /** Assignments, returns, local initializers and arguments of one function. */
  flows(id: number): void {
    const c = this.info(id);
    const ctx = this.ctx(id);
    for (const l of c.locals) if (l.init) this.pourInit(holder.local(id, l.name), l.dims.length ? l.type + '*' : l.type, l.init, id, ctx, ctx.types);
    for (const fl of c.flows) {
      const to = fl.to.kind === 'name' && fl.to.name === '<return>' ? holder.result(id) : this.holderOf(fl.to, id, ctx);
      if (to) this.pour(to, fl.value, id, ctx);
      else this.pour(holder.escaped, fl.value, id, ctx);
    }
    c.calls.forEach((call, k) => {
      const targets = this.direct.get(`${id}:${k}`) ?? [];
      for (const t of targets) {
        const params = this.graph.nodes[t].c?.params;
        if (!params) continue;
        call.args.forEach((a, i) => { if (params[i]?.name) this.pour(holder.local(t, params[i].name), a, id, ctx); });
      }
    });
    for (const ext of this.externalOf.get(id) ?? []) {
      if (ELSEWHERE.has(ext.name) || ctx.types.macros.get(ext.name)) continue; // a macro we could not expand is not a library
      ext.call.args.forEach((a, i) => this.giveToLibrary(externalArg(ext, i), a, id, ctx));
    }
  }

  /**
   * What a library call is given that it could call: a function, a lambda, a variable holding a
   * function pointer, or a table (a struct or array whose slots hold functions, `&host_table`).
   * Other pointers (buffers, user data) are not followed.
   */
  private giveToLibrary(to: Holder, a: CExpr, id: number, ctx: TypeContext): void {
    const e = a.kind === 'cast' ? a.base : a;
    if (e.kind === 'lambda' || (e.kind === 'name' && this.functionNamed(e.name, id, ctx).length) || (e.kind === 'addr' && e.base.kind === 'name' && this.functionNamed(e.base.name, id, ctx).length)) { this.pour(to, e, id, ctx); return; }
    const table = e.kind === 'addr' ? e.base : e;
    const type = typeOfExpr(table, ctx);
    if (type === undefined) return;
    if (signatureOfType(type, ctx.types)) { this.pour(to, table, id, ctx); return; }
    const rec = recordOf(type, ctx.types, false) ?? recordOf(type, ctx.types, true);
    if (rec) for (const f of rec.fields) if (signatureOfType(f.type, ctx.types)) this.flow.addFlow(holder.slot(rec.name, f.name), to);
  }

  private globalsDone = false;

  /** Tables and callbacks in global initializers. */
  unitGlobals(): void {
    if (this.globalsDone) return;
    this.globalsDone = true;
    for (const unit of this.pi.pkg.cUnits) {
      const types = unitTypes(unit);
      for (const g of types.globals.values()) if (g.init) this.pourInit(holder.global(g.name), g.dims.length ? g.type + '*' : g.type, g.init, undefined, undefined, types);
    }
  }

  /** `C.name` used as a value in Go: into a C function's parameter, a C struct's field, or Go's hands. */
  goValue(file: GoFile, v: GoCValue): void {
    const values = [...cFromGo(this.graph, this.pi, file, v.name)];
    const exp = this.pi.exports.get(v.name);
    if (values.length === 0 && exp !== undefined) values.push(exp);
    if (values.length === 0) return;
    const to = this.goDestination(file, v, values);
    for (const val of values) {
      if (to) this.flow.addValue(to, val);
      else this.flow.addValue(holder.escaped, val);
      if (v.dest.kind === 'go') this.graph.heldByGo.add(val);
    }
  }

  private goDestination(file: GoFile, v: GoCValue, values: number[]): Holder | undefined {
    if (v.dest.kind === 'c-field') return this.goField(file, v.dest);
    if (v.dest.kind !== 'c-arg') return undefined;
    for (const call of v.dest.calls) {
      const targets = cFromGo(this.graph, this.pi, file, call.callee);
      const withBody = targets.filter((t) => this.graph.nodes[t].c);
      if (withBody.length) {
        const param = this.graph.nodes[withBody[0]].c!.params[call.arg]?.name;
        return param ? holder.local(withBody[0], param) : undefined;
      }
      if (this.isType(file, call.callee)) {
        if (call === v.dest.calls[v.dest.calls.length - 1] && v.dest.then) return this.goField(file, v.dest.then); // cfg.cb = C.cb_t(C.f)
        continue; // C.cb_t(C.f): a conversion
      }
      // Handed to a C function that is not in the workspace: it may call what it is given.
      const from = enclosingGoFunc(this.graph, this.pi, file, v.span.start);
      if (from !== undefined && !ELSEWHERE.has(call.callee)) this.goGiven.push({ from, v, callee: call.callee, values });
      return undefined;
    }
    return undefined;
  }

  private goField(file: GoFile, dest: CFieldDest): Holder | undefined {
    if (!dest.owner) return undefined;
    const unit = this.pi.pkg.cUnits.find((u) => u.main === file) ?? this.pi.pkg.cUnits[0];
    const rec = unit ? recordOf(dest.owner, unitTypes(unit), false) : undefined;
    return rec ? holder.slot(rec.name, dest.field) : undefined;
  }

  private isType(file: GoFile, name: string): boolean {
    const units = this.pi.pkg.cUnits.filter((u) => u.main === file);
    return (units.length ? units : this.pi.pkg.cUnits).some((u) => unitTypes(u).typedefs.has(name) || unitTypes(u).records.has(name)) || /^(u?(int|char|short|long|longlong)|float|double|size_t|schar)$/.test(name);
  }

  /** Propagates values, then resolves calls through holders and adds the assumed library calls. */
  finish(): void {
    const { graph, flow } = this;
    flow.propagate();
    const escaped = [...flow.valuesOf(holder.escaped)];
    for (const site of this.throughHolder) {
      let targets = [...flow.valuesOf(site.holder)];
      const bySignature = targets.length === 0 && !!site.sig;
      if (bySignature) {
        const types = this.types(site.from);
        targets = escaped.filter((t) => { const s = signatureOfNode(graph.nodes[t]); return !!s && compatible(site.sig!, types, s, graph.nodes[t].c ? this.types(t) : undefined); });
      }
      if (targets.length === 0) { graph.site('c-pointer', 'unresolved'); continue; }
      graph.stats.pointerResolved++;
      graph.site('c-pointer', bySignature ? 'assumed' : 'resolved');
      for (const t of targets) this.edge(site.from, t, 'pointer', site.call, undefined, bySignature);
    }
    for (const ext of this.external) {
      if (ELSEWHERE.has(ext.name)) continue;
      const given = new Set(ext.call.args.flatMap((_, i) => [...flow.valuesOf(externalArg(ext, i))]));
      for (const t of given) this.edge(ext.from, t, 'assumed', ext.call, ext.name);
    }
    for (const g of this.goGiven) {
      const node = graph.nodes[g.from];
      for (const t of g.values) graph.addEdge({ from: g.from, to: t, kind: 'assumed', file: node.file, span: g.v.span, args: [], via: g.callee });
    }
  }
}

/** `(*fp)(x)` calls what fp holds: a function designator, not a load through the pointer. */
function stripDeref(e: CExpr): CExpr {
  while (e.kind === 'deref' || (e.kind === 'cast' && e.base.kind === 'deref')) e = e.kind === 'deref' ? e.base : { ...e, base: (e.base as { base: CExpr }).base };
  return e;
}

function externalArg(site: Site, i: number): Holder {
  return `X${site.from}:${site.k}:${i}`;
}

/** The innermost Go function of `file` whose span holds `offset`. */
function enclosingGoFunc(graph: CallGraph, pi: PackageIndex, file: GoFile, offset: number): number | undefined {
  let best: FuncNode | undefined;
  for (const f of file.facts.funcs) {
    if (f.span.start <= offset && offset < f.span.end) {
      const id = pi.goNodeOf.get(f);
      const n = id !== undefined ? graph.nodes[id] : undefined;
      if (n && (!best || n.span.start >= best.span.start)) best = n;
    }
  }
  return best?.id;
}
