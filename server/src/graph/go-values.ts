// Function values on the Go side, after golang.org/x/tools/go/callgraph/vta: a flow-insensitive
// graph of which functions, func literals and method values each holder can hold. Holders are
// locals and parameters (per function), results, struct fields (per declaring struct type and
// name), package variables; a container and its elements are one holder (a table of converters is
// the holder its values went into). A call through a holder reaches exactly what flowed into it;
// one nothing flowed into (a value from outside the workspace) stays unresolved and counted.
import type { GoCall, GoFlow, GoFunc, ValueRef } from '../model/facts';
import type { EdgeKind, WorkspaceIndex } from './callgraph';
import { declsOf, fieldOf, lookupType, methodOf } from './go-decls';
import { binderOf, importedPackage, staticCallee, typeOfRef, type Scope } from './go-expr-types';
import { interfaceTargets } from './go-method-sets';
import { has } from '../util/own';

/** What an expression stands for: holders it reads, and functions it names directly. */
interface Source { holders: string[]; funcs: number[] }
const NOTHING: Source = { holders: [], funcs: [] };

interface ValueCall { from: number; scope: Scope; call: GoCall; kind: EdgeKind; holders: string[]; what: string }

/** Holder keys: `L<node>:<name>` (local or parameter), `R<node>:<i>`, `F<path>.<Type>.<field>`, `V<path>.<name>`. */

export class GoValues {
  private readonly next = new Map<string, Set<string>>();
  private readonly held = new Map<string, Set<number>>();
  private readonly calls: ValueCall[] = [];
  private readonly literalAt = new Map<string, number>();
  private readonly nodeOf: (scope: Scope, f: GoFunc) => number | undefined;
  /** Holders code outside their package can write (fields, package variables, parameters), by that package's import path. */
  private readonly openTo = new Map<string, string>();

  constructor(private readonly index: WorkspaceIndex) {
    for (const n of index.graph.nodes) if (n.go && n.go.parent !== undefined) this.literalAt.set(`${n.file.path}:${n.span.start}`, n.id);
    this.nodeOf = (s, f) => index.packages.get(s.pkg.importPath)?.goNodeOf.get(f);
  }

  /** A function's flows, and its named results into its results. */
  addFunction(scope: Scope): void {
    for (const flow of scope.f.flows) this.addFlow(scope, flow);
    const id = this.nodeOf(scope, scope.f);
    if (id !== undefined) scope.f.results.forEach((r, i) => { if (r.name) this.link(`L${id}:${r.name}`, `R${id}:${i}`); });
  }

  addFlow(scope: Scope, flow: GoFlow): void {
    const from = this.source(scope, flow.from);
    for (const to of this.destination(scope, flow.to)) this.pour(from, to);
  }

  /** A resolved call's arguments into the callee's parameters. */
  bindArguments(scope: Scope, call: GoCall, callee: number): void {
    const target = this.index.graph.nodes[callee].go;
    if (!call.argRefs || !target) return;
    call.argRefs.forEach((ref, i) => {
      const p = target.params[Math.min(i, target.params.length - 1)];
      if (p?.name) this.pour(this.source(scope, ref), `L${callee}:${p.name}`);
    });
  }

  /** A //go:linkname pair: what the declaration is called with goes to the body's parameters, its results back. */
  bindLinkname(from: number, to: number): void {
    const a = this.index.graph.nodes[from].go!, b = this.index.graph.nodes[to].go!;
    a.params.forEach((p, i) => { const q = b.params[i]; if (p.name && q?.name) this.link(`L${from}:${p.name}`, `L${to}:${q.name}`); });
    b.results.forEach((_, i) => this.link(`R${to}:${i}`, `R${from}:${i}`));
  }

  /**
   * A call whose callee is a value: a local, a parameter, a package variable, a field, an element
   * or a call's result. False when the callee is no holder at all (the caller counts it).
   */
  addValueCall(from: number, scope: Scope, call: GoCall, kind: EdgeKind, callee: ValueRef): boolean {
    const holders = this.source(scope, callee).holders;
    if (holders.length === 0) return false;
    this.calls.push({ from, scope, call, kind, holders, what: describe(callee) });
    return true;
  }

  /**
   * Packages whose importers can put functions into what the value calls of `reached` nodes go
   * through (a hook field set by `SetExecutionLimit(func…)` from another package): the scope reads
   * those importers' bodies too.
   */
  packagesFilledFromOutside(reached: (node: number) => boolean): Set<string> {
    const into = new Map<string, string[]>();
    for (const [from, tos] of this.next) for (const to of tos) { const l = into.get(to); if (l) l.push(from); else into.set(to, [from]); }
    const seen = new Set<string>();
    const work = this.calls.filter((c) => reached(c.from)).flatMap((c) => c.holders);
    const out = new Set<string>();
    while (work.length) {
      const h = work.pop()!;
      if (seen.has(h)) continue;
      seen.add(h);
      const p = this.openTo.get(h);
      if (p) out.add(p);
      for (const from of into.get(h) ?? []) work.push(from); // what the call's holder is filled from
    }
    return out;
  }

  /** Adds an edge for each function that can reach each value call, until no call learns more. */
  resolve(): void {
    const { graph } = this.index;
    const done = this.calls.map(() => new Set<number>());
    for (let round = 0; round < 6; round++) {
      const held = this.propagate();
      let added = false;
      this.calls.forEach((c, k) => {
        const targets = new Set<number>();
        for (const h of c.holders) for (const id of held.get(h) ?? []) targets.add(id);
        const fromTest = graph.nodes[c.from].go!.isTestFile;
        for (const to of [...targets].sort((a, b) => a - b)) {
          if (done[k].has(to) || (graph.nodes[to].go?.isTestFile && !fromTest)) continue; // tests' callbacks stay out of the package's own paths
          done[k].add(to);
          added = true;
          graph.addEdge({ from: c.from, to, kind: c.kind, file: c.scope.file, span: c.call.span, args: c.call.args, byValue: c.what });
          this.bindArguments(c.scope, c.call, to);
        }
      });
      if (!added) break;
    }
    for (const d of done) graph.site('go-value', d.size > 0 ? 'resolved' : 'unresolved');
  }

  private propagate(): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    const work: string[] = [];
    for (const [h, funcs] of this.held) { out.set(h, new Set(funcs)); work.push(h); }
    while (work.length) {
      const h = work.pop()!;
      const funcs = out.get(h)!;
      for (const t of this.next.get(h) ?? []) {
        let set = out.get(t);
        if (!set) out.set(t, (set = new Set()));
        const before = set.size;
        for (const id of funcs) set.add(id);
        if (set.size !== before) work.push(t);
      }
    }
    return out;
  }

  private open(key: string, pkg: string): Source {
    this.openTo.set(key, pkg);
    return { holders: [key], funcs: [] };
  }

  private pour(from: Source, to: string): void {
    for (const h of from.holders) this.link(h, to);
    if (from.funcs.length === 0) return;
    let set = this.held.get(to);
    if (!set) this.held.set(to, (set = new Set()));
    for (const id of from.funcs) set.add(id);
  }

  private link(from: string, to: string): void {
    if (from === to) return;
    let set = this.next.get(from);
    if (!set) this.next.set(from, (set = new Set()));
    set.add(to);
  }

  /** Holders a value is written into. */
  private destination(s: Scope, ref: ValueRef): string[] {
    if (ref.kind === 'result') {
      const id = this.nodeOf(s, s.f);
      return id === undefined ? [] : [`R${id}:${ref.index}`];
    }
    return this.source(s, ref).holders;
  }

  private source(s: Scope, ref: ValueRef): Source {
    const { index } = this;
    switch (ref.kind) {
      case 'literal': {
        const id = this.literalAt.get(`${s.file.path}:${ref.span.start}`);
        return id === undefined ? NOTHING : { holders: [], funcs: [id] };
      }
      case 'many': {
        const all = ref.refs.map((r) => this.source(s, r));
        return { holders: all.flatMap((x) => x.holders), funcs: all.flatMap((x) => x.funcs) };
      }
      case 'index': return { holders: this.source(s, ref.base).holders, funcs: [] };
      case 'ident': {
        const g = binderOf(s, ref.name);
        if (g) {
          const id = this.nodeOf(s, g);
          if (id === undefined) return NOTHING;
          const key = `L${id}:${ref.name}`;
          if (g.params.some((p) => p.name === ref.name)) this.openTo.set(key, s.pkg.importPath);
          return { holders: [key], funcs: [] };
        }
        const fn = index.packages.get(s.pkg.importPath)?.goFuncs.get(ref.name);
        if (fn !== undefined) return { holders: [], funcs: [fn] };
        const d = declsOf(s.pkg);
        return d && (has(d.vars, ref.name) || has(d.varCalls, ref.name)) ? this.open(`V${s.pkg.importPath}.${ref.name}`, s.pkg.importPath) : NOTHING;
      }
      case 'field': {
        const other = importedPackage(index, s, ref.base);
        if (other) {
          const fn = index.packages.get(other.importPath)?.goFuncs.get(ref.name);
          return fn !== undefined ? { holders: [], funcs: [fn] } : this.open(`V${other.importPath}.${ref.name}`, other.importPath);
        }
        // `(*T).M` or `T.M`: a method expression names the method.
        const typeName = ref.base.kind === 'ident' && !binderOf(s, ref.base.name) && declsOf(s.pkg)?.types.has(ref.base.name) ? ref.base.name : undefined;
        const base = typeName ? { pkg: s.pkg, text: typeName } : typeOfRef(index, s, ref.base);
        const decl = base && lookupType(index, base);
        if (!decl) return NOTHING;
        if (decl.decl.kind === 'interface') return { holders: [], funcs: interfaceTargets(index, decl, ref.name) }; // a method value of an interface
        const method = methodOf(index, decl, ref.name);
        if (method !== undefined) return { holders: [], funcs: [method] };
        const name = positional(decl.decl.fields, ref.name);
        const field = decl.decl.kind === 'struct' ? fieldOf(index, decl, name) : undefined;
        return field ? this.open(`F${field.owner.pkg.importPath}.${field.owner.decl.name}.${name}`, field.owner.pkg.importPath) : NOTHING;
      }
      case 'call': {
        const id = staticCallee(index, s, ref.fn);
        return id === undefined ? NOTHING : { holders: [`R${id}:${ref.result}`], funcs: [] };
      }
      default: return NOTHING;
    }
  }
}

/** `#2` (the third element of a positional struct literal) → that field's name. */
function positional(fields: Record<string, string>, name: string): string {
  return name.startsWith('#') ? Object.keys(fields)[Number(name.slice(1))] ?? name : name;
}

/** How evidence names the holder a call goes through. */
function describe(ref: ValueRef): string {
  switch (ref.kind) {
    case 'ident': return ref.name;
    case 'field': return `${describe(ref.base)}.${ref.name}`;
    case 'index': return `${describe(ref.base)}[…]`;
    case 'call': return `${describe(ref.fn)}(…)`;
    default: return 'a function value';
  }
}

/** Scope of a file's package-level flows: no function binds anything there. */
export function fileScope(scope: Omit<Scope, 'f'>): Scope {
  return { ...scope, f: PACKAGE_LEVEL };
}

const PACKAGE_LEVEL: GoFunc = {
  key: '', name: '', span: { start: 0, end: 0 }, nameSpan: { start: 0, end: 0 }, directiveAt: 0, directives: [], hasBody: false,
  params: [], results: [], calls: [], panics: [], callsRecover: false, topDefers: [], locals: {}, localCalls: {}, guards: [], ops: [], flows: [], isTestFile: false,
};
