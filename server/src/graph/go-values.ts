// Function values on the Go side, after golang.org/x/tools/go/callgraph/vta: a flow-insensitive
// graph of which functions, func literals and method values each holder can hold. Holders are
// locals and parameters (per function), results, struct fields (per declaring struct type and
// name), package variables; a container and its elements are one holder (a table of converters is
// the holder its values went into). A call through a holder reaches exactly what flowed into it;
// one nothing flowed into (a value from outside the workspace) stays unresolved and counted.
// Demand-driven: writes are filed by the holder they write (cheap to name), and what they write is
// resolved only once a value call needs that holder, directly or through others; on Go's src that
// is a small part of the writes.
import type { GoCall, GoFunc, ValueRef } from '../model/facts';
import type { EdgeKind, WorkspaceIndex } from './callgraph';
import { declsOf, fieldOf, lookupType, methodOf } from './go-decls';
import { binderOf, importedPackage, staticCallee, typeOfRef, type Scope } from './go-expr-types';
import { interfaceTargets } from './go-method-sets';
import { declaredTypeIn, mayHoldFunction } from '../model/go-types';
import { listAt } from '../util/list-at';
import { has } from '../util/own';

/** What an expression stands for: holders it reads, and functions it names directly. */
interface Source { holders: string[]; funcs: number[] }
const NOTHING: Source = { holders: [], funcs: [] };

interface ValueCall { from: number; scope: Scope; call: GoCall; kind: EdgeKind; holders: string[]; what: string }

/** A write not yet resolved: `from` goes into the holder it is filed under (for a field, `to` says which). */
interface Pending { scope: Scope; from: ValueRef; to?: ValueRef }

/** Holder keys: `L<node>:<name>` (local or parameter), `R<node>:<i>`, `F<path>.<Type>.<field>`, `V<path>.<name>`. */
export class GoValues {
  private readonly next = new Map<string, Set<string>>();
  private readonly held = new Map<string, Set<number>>();
  private readonly calls: ValueCall[] = [];
  private readonly literalAt = new Map<string, number>();
  /** Writes by holder key; writes into a field by `f:<name>` (its struct type is resolved on demand). */
  private readonly pending = new Map<string, Pending[]>();
  private readonly needed = new Set<string>();
  private readonly neededFields = new Set<string>();
  private readonly queue: string[] = [];
  /** Links between holders, backwards: what a needed holder is filled from is needed too. */
  private readonly into = new Map<string, Set<string>>();
  private readonly nodeOf: (scope: Scope, f: GoFunc) => number | undefined;

  constructor(private readonly index: WorkspaceIndex) {
    // Literals: inside a function, or nameless at the top level (a package variable's initializer).
    for (const n of index.graph.nodes) if (n.go && (n.go.parent !== undefined || !n.go.name)) this.literalAt.set(`${n.file.path}:${n.span.start}`, n.id);
    this.nodeOf = (s, f) => index.packages.get(s.pkg.importPath)?.goNodeOf.get(f);
  }

  /** A function's flows, the untyped locals set from a value, and its named results into its results. */
  addFunction(scope: Scope): void {
    for (const flow of scope.f.flows) this.addFlow(scope, flow.to, flow.from);
    const id = this.nodeOf(scope, scope.f);
    if (id === undefined) return;
    for (const name in scope.f.localCalls) {
      const from = scope.f.localCalls[name];
      if (!isCResult(scope, from)) this.file(`L${id}:${name}`, { scope, from });
    }
    scope.f.results.forEach((r, i) => { if (r.name) this.link(`L${id}:${r.name}`, `R${id}:${i}`); });
  }

  /** A file's package-level flows: initializers of package variables. */
  addFile(scope: Scope): void {
    const facts = scope.file.facts;
    for (const flow of facts.flows) this.addFlow(scope, flow.to, flow.from);
    for (const name in facts.varCalls) this.addFlow(scope, { kind: 'ident', name }, facts.varCalls[name]);
  }

  addFlow(scope: Scope, to: ValueRef, from: ValueRef): void {
    if (to.kind === 'ident' && !mayHoldFunction(declaredType(scope, to.name))) return;
    const key = this.fileKey(scope, to);
    if (key) this.file(key, key.startsWith('f:') ? { scope, from, to } : { scope, from });
  }

  /** Where a write is filed: its holder, or `f:<field>` for a field (`f:#` for a positional one). */
  private fileKey(s: Scope, to: ValueRef): string | undefined {
    if (to.kind === 'field' && !importedPackage(this.index, s, to.base)) return `f:${to.name.startsWith('#') ? '#' : to.name}`;
    if (to.kind === 'index') return this.fileKey(s, to.base);
    return this.destination(s, to)[0];
  }

  private file(key: string, p: Pending): void {
    listAt(this.pending, key).push(p);
    if (key.startsWith('f:')) {
      if (!this.neededFields.has(key.slice(2)) && key !== 'f:#') return;
      for (const h of this.destination(p.scope, p.to!)) if (this.needed.has(h)) this.fill(h, p);
    } else if (this.needed.has(key)) this.fill(key, p);
  }

  private fill(h: string, p: Pending): void {
    const source = this.source(p.scope, p.from);
    this.pour(source, h);
    for (const x of source.holders) this.need(x);
  }

  private need(h: string): void {
    if (this.needed.has(h)) return;
    this.needed.add(h);
    this.queue.push(h);
    if (h[0] === 'F') this.neededFields.add(h.slice(h.lastIndexOf('.') + 1));
  }

  /** Resolves the writes into every needed holder (and the holders those read, and so on). */
  private drain(): void {
    while (this.queue.length) {
      const h = this.queue.pop()!;
      for (const p of this.pending.get(h) ?? []) this.fill(h, p);
      if (h[0] === 'F') {
        const field = h.slice(h.lastIndexOf('.') + 1);
        for (const p of [...(this.pending.get(`f:${field}`) ?? []), ...(this.pending.get('f:#') ?? [])]) {
          if (this.destination(p.scope, p.to!).includes(h)) this.fill(h, p);
        }
      }
      for (const from of this.into.get(h) ?? []) this.need(from);
    }
  }

  /** A resolved call's arguments into the callee's parameters (those whose type can hold a function). */
  bindArguments(scope: Scope, call: GoCall, callee: number): void {
    const target = this.index.graph.nodes[callee].go;
    if (!call.argRefs || !target) return;
    call.argRefs.forEach((ref, i) => {
      const p = target.params[Math.min(i, target.params.length - 1)];
      if (p?.name && ref && mayHoldFunction(p.type.replace(/^\.\.\./, '[]'))) this.file(`L${callee}:${p.name}`, { scope, from: ref });
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
    for (const h of holders) this.need(h);
    return true;
  }

  /**
   * Packages whose importers can put functions into what the value calls of `reached` nodes go
   * through (a hook field set by `SetExecutionLimit(func…)` from another package): the scope reads
   * those importers' bodies too.
   */
  packagesFilledFromOutside(reached: (node: number) => boolean): Set<string> {
    const into = this.into;
    const seen = new Set<string>();
    const work = this.calls.filter((c) => reached(c.from)).flatMap((c) => c.holders);
    const out = new Set<string>();
    while (work.length) {
      const h = work.pop()!;
      if (seen.has(h)) continue;
      seen.add(h);
      const p = this.writableFrom(h);
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
      this.drain();
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
          graph.addEdge({ from: c.from, to, kind: c.kind, file: c.scope.file, span: c.call, args: c.call.args, byValue: c.what });
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

  private open(key: string): Source {
    return { holders: [key], funcs: [] };
  }

  /** The package whose importers can write a holder: a field's or variable's, or a parameter's function's. */
  private writableFrom(key: string): string | undefined {
    if (key[0] === 'F') return key.slice(1, key.lastIndexOf('.', key.lastIndexOf('.') - 1));
    if (key[0] === 'V') return key.slice(1, key.lastIndexOf('.'));
    if (key[0] !== 'L') return undefined;
    const colon = key.indexOf(':');
    const node = this.index.graph.nodes[Number(key.slice(1, colon))];
    return node.go?.params.some((p) => p.name === key.slice(colon + 1)) ? node.pkg.importPath : undefined;
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
    let back = this.into.get(to);
    if (!back) this.into.set(to, (back = new Set()));
    back.add(from);
    if (this.needed.has(to)) this.need(from);
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
          return id === undefined ? NOTHING : { holders: [`L${id}:${ref.name}`], funcs: [] };
        }
        const fn = index.packages.get(s.pkg.importPath)?.goFuncs.get(ref.name);
        if (fn !== undefined) return { holders: [], funcs: [fn] };
        const d = declsOf(s.pkg);
        return d && (has(d.vars, ref.name) || has(d.varCalls, ref.name)) ? this.open(`V${s.pkg.importPath}.${ref.name}`) : NOTHING;
      }
      case 'field': {
        const other = importedPackage(index, s, ref.base);
        if (other) {
          const fn = index.packages.get(other.importPath)?.goFuncs.get(ref.name);
          return fn !== undefined ? { holders: [], funcs: [fn] } : this.open(`V${other.importPath}.${ref.name}`);
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
        return field ? this.open(`F${field.owner.pkg.importPath}.${field.owner.decl.name}.${name}`) : NOTHING;
      }
      case 'call': {
        const id = staticCallee(index, s, ref.fn);
        return id === undefined ? NOTHING : { holders: [`R${id}:${ref.result}`], funcs: [] };
      }
      default: return NOTHING;
    }
  }
}

/** The declared type of a name where the scope sees it ('' when untyped or unknown). */
function declaredType(s: Scope, name: string): string {
  const g = binderOf(s, name);
  return g ? declaredTypeIn(g, name) : '';
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
  key: '', name: '', span: { start: 0, end: 0 }, nameOffset: 0, directiveAt: 0, directives: [], hasBody: false,
  params: [], results: [], calls: [], panics: [], callsRecover: false, topDefers: [], locals: {}, localCalls: {}, guards: [], ops: [], returns: 0, flows: [], isTestFile: false,
};

/** `C.f(…)` in a file importing "C": what a C function returns is never a Go function (`buf := C.malloc(n)` holds none). */
function isCResult(scope: Scope, ref: ValueRef): boolean {
  return ref.kind === 'call' && ref.fn.kind === 'field' && ref.fn.base.kind === 'ident' && ref.fn.base.name === 'C' &&
    scope.file.facts.imports.some((i) => i.path === 'C');
}
