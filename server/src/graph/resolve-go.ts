// Resolves the calls of one package's Go functions: same-package functions, imported workspace
// packages, methods by receiver type, interface calls (every workspace method of that name and
// arity), `C.f` into the package's C, closures, and //go:linkname in both directions.
import type { GoCall, GoFunc, GoTypeDecl, ValueRef } from '../model/facts';
import { baseTypeName } from '../model/go-types';
import type { GoFile, Package } from '../model/package';
import type { EdgeKind, PackageIndex, WorkspaceIndex } from './callgraph';
import { cFromGo } from './c-lookup';

const BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);

interface TypeRef { pkg: Package; text: string }

/** Collects a package's named types and package variables; every package first, then calls. */
export function indexDeclarations(pkg: Package): void {
  const types = new Map<string, GoTypeDecl>();
  const vars: Record<string, string> = {};
  const varCalls: Record<string, ValueRef> = {};
  for (const f of pkg.goFiles) {
    for (const t of f.facts.types) types.set(t.name, t);
    Object.assign(vars, f.facts.vars);
    Object.assign(varCalls, f.facts.varCalls);
  }
  varCallCache.set(pkg, varCalls);
  typeCache.set(pkg, types);
  varCache.set(pkg, vars);
  const methods = new Map<string, Map<string, number>>();
  for (const f of pkg.goFiles) {
    for (const fn of f.facts.funcs) {
      if (!fn.recv) continue;
      if (!methods.has(fn.recv.type)) methods.set(fn.recv.type, new Map());
      methods.get(fn.recv.type)!.set(fn.name, fn.params.length);
    }
  }
  methodCache.set(pkg, methods);
}

export function resolveGoCalls(index: WorkspaceIndex, pi: PackageIndex): void {
  const { graph } = index;
  const types = typeCache.get(pi.pkg)!;

  for (const file of pi.pkg.goFiles) {
    const aliases = importAliases(file);
    const funcs = file.facts.funcs;
    funcs.forEach((f, me) => {
      const from = pi.goNodeOf.get(f)!;
      const edge = (to: number, kind: EdgeKind, call: GoCall, viaInterface?: boolean) => graph.addEdge({ from, to, kind, file, span: call.span, args: call.args, viaInterface });
      for (const call of f.calls) {
        const kind: EdgeKind = call.go ? 'go' : 'call';
        const c = call.callee;
        if (c.kind === 'literal') continue; // closures get their edge below
        if (c.kind === 'dynamic') { graph.stats.unresolved++; continue; }
        if (c.kind === 'ident') {
          if (isLocal(funcs, f, c.name)) { graph.stats.unresolved++; continue; }
          const to = pi.goFuncs.get(c.name);
          if (to !== undefined) edge(to, kind, call);
          else if (!BUILTINS.has(c.name) && !types.has(c.name)) graph.stats.unresolved++; // conversions to basic types are no calls (extract-go.ts)
          continue;
        }
        // Selector: package function, C function, or method.
        if (c.base.kind === 'ident' && aliases.has(c.base.name) && !isLocal(funcs, f, c.base.name)) {
          const path = aliases.get(c.base.name)!;
          if (path === 'C') {
            const targets = cFromGo(graph, pi, file, c.name);
            const exp = pi.exports.get(c.name);
            for (const to of targets) edge(to, call.go ? 'go' : 'cgo', call);
            if (targets.length === 0 && exp !== undefined) edge(exp, call.go ? 'go' : 'cgo', call);
            if (targets.length === 0 && exp === undefined) graph.stats.external++;
            continue;
          }
          const target = index.packages.get(path);
          const to = target?.goFuncs.get(c.name);
          if (to !== undefined) edge(to, kind, call);
          else if (target && !typeCache.get(target.pkg)?.has(c.name)) graph.stats.unresolved++;
          else if (!target) graph.stats.external++;
          continue;
        }
        const recvType = typeOfRef(index, pi.pkg, file, funcs, f, c.base);
        if (!recvType) { graph.stats.unresolved++; continue; }
        const decl = lookupType(index, recvType);
        if (!decl) { graph.stats.external++; continue; }
        if (decl.decl.kind === 'interface') {
          const iface = decl.decl;
          const targets = (index.methods.get(c.name) ?? []).filter((id) => {
            const m = graph.nodes[id].go!;
            return m.params.length === call.argCount && (f.isTestFile || !m.isTestFile) && mayImplement(graph.nodes[id].pkg, m.recv!.type, iface);
          });
          for (const to of targets) edge(to, kind, call, true);
          if (targets.length === 0) graph.stats.unresolved++;
          continue;
        }
        const to = index.packages.get(decl.pkg.importPath)?.goFuncs.get(`${decl.decl.name}.${c.name}`);
        if (to !== undefined) edge(to, kind, call);
        else graph.stats.unresolved++;
      }
      if (f.parent !== undefined) {
        const parent = funcs[f.parent];
        const viaGo = parent.calls.some((call) => call.go && call.callee.kind === 'literal' && call.callee.literal === me);
        const site = parent.calls.find((call) => call.callee.kind === 'literal' && call.callee.literal === me);
        graph.addEdge({ from: pi.goNodeOf.get(parent)!, to: from, kind: viaGo ? 'go' : 'call', file, span: site?.span ?? f.span, args: site?.args ?? [] });
      }
    });
    for (const ln of file.facts.linknames) {
      const local = pi.goFuncs.get(ln.local);
      const target = graph.byQualified.get(ln.target);
      if (local === undefined || target === undefined) continue;
      const localHasBody = graph.nodes[local].go!.hasBody;
      const [from, to] = localHasBody ? [target, local] : [local, target];
      if (graph.nodes[from].go?.hasBody) continue; // both have bodies: nothing to link
      graph.addEdge({ from, to, kind: 'linkname', file, span: ln.span, args: graph.nodes[from].go!.params.map((_, i) => ({ param: i, delta: 0 })) });
    }
  }
}

const typeCache = new WeakMap<Package, Map<string, GoTypeDecl>>();
/** Per package: receiver type → method name → arity. */
const methodCache = new WeakMap<Package, Map<string, Map<string, number>>>();

/**
 * Whether the receiver type can implement the interface: it declares every method the interface
 * lists (name and arity), or it embeds something (promoted methods are not followed), or the
 * interface embeds another (its full method set is not known).
 */
function mayImplement(pkg: Package, recvType: string, iface: GoTypeDecl): boolean {
  if (iface.embedded.length > 0) return true;
  if (typeCache.get(pkg)?.get(recvType)?.embedded.length) return true;
  const methods = methodCache.get(pkg)?.get(recvType);
  return iface.methods.every((m) => methods?.get(m.name) === m.arity);
}
const varCache = new WeakMap<Package, Record<string, string>>();
const varCallCache = new WeakMap<Package, Record<string, ValueRef>>();

const aliasCache = new WeakMap<GoFile['facts'], Map<string, string>>();

/** Import name → path for one file (`_` and `.` imports left out). */
export function importAliases(file: GoFile): Map<string, string> {
  const hit = aliasCache.get(file.facts);
  if (hit) return hit;
  const m = new Map<string, string>();
  aliasCache.set(file.facts, m);
  for (const imp of file.facts.imports) {
    if (imp.name === '_' || imp.name === '.') continue;
    m.set(imp.name ?? imp.path.split('/').pop()!.replace(/^go-/, '').replace(/[.-].*$/, ''), imp.path);
  }
  return m;
}

/** A name bound inside the function (or the functions around a closure): not a package symbol. */
function isLocal(funcs: GoFunc[], f: GoFunc, name: string): boolean {
  for (let g: GoFunc | undefined = f; g; g = g.parent !== undefined ? funcs[g.parent] : undefined) {
    if (name in g.locals || g.params.some((p) => p.name === name) || g.results.some((p) => p.name === name) || g.recv?.name === name) return true;
  }
  return false;
}

/** The declared type of a value expression, as text relative to the package that declares it. */
export function typeOfRef(index: WorkspaceIndex, pkg: Package, file: GoFile, funcs: GoFunc[], f: GoFunc, ref: ValueRef, depth = 0): TypeRef | undefined {
  if (depth > 8) return undefined; // `a := b(); b := a()`-style loops and long chains end here
  if (ref.kind === 'typed') return { pkg, text: ref.type };
  if (ref.kind === 'call') return resultType(index, pkg, file, funcs, f, ref, depth);
  if (ref.kind === 'ident') {
    for (let g: GoFunc | undefined = f; g; g = g.parent !== undefined ? funcs[g.parent] : undefined) {
      if (g.locals[ref.name]) return { pkg, text: g.locals[ref.name] };
      const p = g.params.find((x) => x.name === ref.name) ?? g.results.find((x) => x.name === ref.name);
      if (p) return { pkg, text: p.type };
      if (g.recv?.name === ref.name) return { pkg, text: (g.recv.pointer ? '*' : '') + g.recv.type };
      if (g.localCalls[ref.name]) return typeOfRef(index, pkg, file, funcs, f, g.localCalls[ref.name], depth + 1);
    }
    const v = varCache.get(pkg)?.[ref.name];
    if (v) return { pkg, text: v };
    const call = varCallCache.get(pkg)?.[ref.name];
    return call ? typeOfRef(index, pkg, file, funcs, f, call, depth + 1) : undefined;
  }
  if (ref.kind === 'field') {
    const base = typeOfRef(index, pkg, file, funcs, f, ref.base, depth + 1);
    const decl = base && lookupType(index, base);
    const field = decl?.decl.fields[ref.name];
    return field ? { pkg: decl!.pkg, text: field } : undefined;
  }
  return undefined;
}

/** The declared type of a call's result: a package function, `pkg.F`, or a method by receiver type. */
function resultType(index: WorkspaceIndex, pkg: Package, file: GoFile, funcs: GoFunc[], f: GoFunc, ref: Extract<ValueRef, { kind: 'call' }>, depth: number): TypeRef | undefined {
  const fn = ref.fn;
  let target: { pkg: Package; func: GoFunc } | undefined;
  const lookup = (p: Package | undefined, key: string) => {
    const id = p && index.packages.get(p.importPath)?.goFuncs.get(key);
    return id !== undefined ? { pkg: p!, func: index.graph.nodes[id].go! } : undefined;
  };
  if (fn.kind === 'ident') target = lookup(pkg, fn.name);
  else if (fn.kind === 'field') {
    const path = fn.base.kind === 'ident' ? importAliases(file).get(fn.base.name) : undefined;
    if (path) target = lookup(index.packages.get(path)?.pkg, fn.name);
    else {
      const recv = typeOfRef(index, pkg, file, funcs, f, fn.base, depth + 1);
      const decl = recv && lookupType(index, recv);
      if (decl) target = lookup(decl.pkg, `${decl.decl.name}.${fn.name}`);
    }
  }
  const result = target?.func.results[ref.result];
  return result && result.type ? { pkg: target!.pkg, text: result.type } : undefined;
}

/** Finds the declaration of a named type in the workspace (following `pkg.T` through imports). */
export function lookupType(index: WorkspaceIndex, ref: TypeRef): { pkg: Package; decl: GoTypeDecl } | undefined {
  const name = baseTypeName(ref.text).name;
  const dot = name.indexOf('.');
  if (dot < 0) {
    const decl = typeCache.get(ref.pkg)?.get(name);
    return decl ? { pkg: ref.pkg, decl } : undefined;
  }
  const alias = name.slice(0, dot);
  for (const file of ref.pkg.goFiles) {
    const path = importAliases(file).get(alias);
    if (!path) continue;
    const target = index.packages.get(path);
    const decl = target && typeCache.get(target.pkg)?.get(name.slice(dot + 1));
    return decl ? { pkg: target!.pkg, decl } : undefined;
  }
  return undefined;
}
