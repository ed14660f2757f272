// The declared type of a Go expression, as far as the workspace declares it: locals (typed, or set
// from a call), parameters, results, receivers, package variables (this package's or an imported
// one's), fields through any number of selectors (promoted ones included), elements of slices, maps
// and channels, and results of functions and methods. Unknown stays unknown.
import type { GoFunc, ValueRef } from '../model/facts';
import type { GoFile, Package } from '../model/package';
import type { WorkspaceIndex } from './callgraph';
import { declsOf, fieldOf, importAliases, lookupType, methodOf, type TypeRef } from './go-decls';
import { has, own } from '../util/own';

/** Where an expression is read: the package, file and function (closures see their parents' names). */
export interface Scope { pkg: Package; file: GoFile; f: GoFunc }

/** The function (itself or one around it) that binds `name`, or undefined for a package name. */
export function binderOf(s: Scope, name: string): GoFunc | undefined {
  return binderIn(s.file.facts.funcs, s.f, name);
}

export function binderIn(funcs: GoFunc[], f: GoFunc, name: string): GoFunc | undefined {
  for (let g: GoFunc | undefined = f; g; g = g.parent !== undefined ? funcs[g.parent] : undefined) {
    if (has(g.locals, name) || g.params.some((p) => p.name === name) || g.results.some((p) => p.name === name) || g.recv?.name === name) return g;
  }
  return undefined;
}

export function typeOfRef(index: WorkspaceIndex, s: Scope, ref: ValueRef, depth = 0): TypeRef | undefined {
  if (depth > 8) return undefined; // `a := b(); b := a()`-style loops and long chains end here
  const { pkg } = s;
  switch (ref.kind) {
    case 'typed': return { pkg, text: ref.type };
    case 'call': return resultType(index, s, ref, depth);
    case 'index': {
      const base = typeOfRef(index, s, ref.base, depth + 1);
      return base && elementType(index, base);
    }
    case 'ident': {
      const g = binderOf(s, ref.name);
      if (g) {
        const local = own(g.locals, ref.name);
        if (local) return { pkg, text: constraintOf(s, local) };
        const p = g.params.find((x) => x.name === ref.name) ?? g.results.find((x) => x.name === ref.name);
        if (p) return { pkg, text: constraintOf(s, p.type) };
        if (g.recv?.name === ref.name) return { pkg, text: (g.recv.pointer ? '*' : '') + g.recv.type };
        const call = own(g.localCalls, ref.name);
        return call ? typeOfRef(index, s, call, depth + 1) : undefined;
      }
      const d = declsOf(pkg);
      const v = d && own(d.vars, ref.name);
      if (v) return { pkg, text: v };
      const call = d && own(d.varCalls, ref.name);
      return call ? typeOfRef(index, s, call, depth + 1) : undefined;
    }
    case 'field': {
      const other = importedPackage(index, s, ref.base);
      if (other) {
        const d = declsOf(other);
        const v = d && own(d.vars, ref.name);
        return v ? { pkg: other, text: v } : undefined;
      }
      const base = typeOfRef(index, s, ref.base, depth + 1);
      const decl = base && lookupType(index, base);
      const field = decl && decl.decl.kind === 'struct' ? fieldOf(index, decl, ref.name) : undefined;
      return field ? { pkg: field.owner.pkg, text: field.type } : undefined;
    }
    default: return undefined;
  }
}

/** A type parameter (`T`, `*T`, `[]T` stay as written) stands for its constraint: calls on it dispatch as on that interface. */
function constraintOf(s: Scope, type: string): string {
  const funcs = s.file.facts.funcs;
  for (let g: GoFunc | undefined = s.f; g; g = g.parent !== undefined ? funcs[g.parent] : undefined) {
    const tp = g.typeParams?.find((p) => p.name === type.replace(/^\*/, ''));
    if (tp) return tp.type;
  }
  return type;
}

/** `pkg` in `pkg.Name` when it names an imported workspace package (and no local shadows it). */
export function importedPackage(index: WorkspaceIndex, s: Scope, ref: ValueRef): Package | undefined {
  if (ref.kind !== 'ident') return undefined;
  const path = importAliases(s.file).get(ref.name);
  return path && !binderOf(s, ref.name) ? index.packages.get(path)?.pkg : undefined;
}

/** `[]T`, `[N]T`, `*[N]T`, `map[K]T`, `chan T` (or a named type of one) → T. */
function elementType(index: WorkspaceIndex, t: TypeRef, depth = 0): TypeRef | undefined {
  const text = t.text.replace(/^\*/, '');
  let m: RegExpExecArray | null;
  if ((m = /^(?:\[[^\]]*\]|\.\.\.)(.+)$/.exec(text))) return { pkg: t.pkg, text: m[1] };
  if ((m = /^map\[(?:[^[\]]|\[[^\]]*\])+\](.+)$/.exec(text))) return { pkg: t.pkg, text: m[1] };
  if ((m = /^(?:<-)?chan(?:<-)? (.+)$/.exec(text))) return { pkg: t.pkg, text: m[1] };
  const decl = depth < 4 ? lookupType(index, t) : undefined;
  return decl && decl.decl.kind !== 'struct' && decl.decl.kind !== 'interface' ? elementType(index, { pkg: decl.pkg, text: decl.decl.underlying }, depth + 1) : undefined;
}

/** `T(x)`, `(*T)(p)`, `pkg.T(x)`: a conversion to a workspace type is of that type. */
function convertedTo(index: WorkspaceIndex, s: Scope, fn: ValueRef): TypeRef | undefined {
  if (fn.kind === 'ident' && !binderOf(s, fn.name) && declsOf(s.pkg)?.types.has(fn.name)) return { pkg: s.pkg, text: fn.name };
  const other = fn.kind === 'field' ? importedPackage(index, s, fn.base) : undefined;
  return other && fn.kind === 'field' && declsOf(other)?.types.has(fn.name) ? { pkg: other, text: fn.name } : undefined;
}

/** The function a call's `fn` names statically: a package function, `pkg.F`, or a concrete method (promoted ones too). */
export function staticCallee(index: WorkspaceIndex, s: Scope, fn: ValueRef, depth = 0): number | undefined {
  const funcs = (p: Package) => index.packages.get(p.importPath)?.goFuncs;
  if (fn.kind === 'ident') return binderOf(s, fn.name) ? undefined : funcs(s.pkg)?.get(fn.name);
  if (fn.kind !== 'field') return undefined;
  const other = importedPackage(index, s, fn.base);
  if (other) return funcs(other)?.get(fn.name);
  const recv = typeOfRef(index, s, fn.base, depth + 1);
  const decl = recv && lookupType(index, recv);
  return decl && decl.decl.kind !== 'interface' ? methodOf(index, decl, fn.name) : undefined;
}

/** The declared type of a call's result (its `result`-th): of the function or method, or of the interface method. */
function resultType(index: WorkspaceIndex, s: Scope, ref: Extract<ValueRef, { kind: 'call' }>, depth: number): TypeRef | undefined {
  const conversion = convertedTo(index, s, ref.fn);
  if (conversion) return conversion;
  const id = staticCallee(index, s, ref.fn, depth);
  if (id === undefined) {
    const recv = ref.fn.kind === 'field' && !importedPackage(index, s, ref.fn.base) ? typeOfRef(index, s, ref.fn.base, depth + 1) : undefined;
    const decl = recv && lookupType(index, recv);
    const name = ref.fn.kind === 'field' ? ref.fn.name : '';
    const text = decl?.decl.kind === 'interface' ? decl.decl.methods.find((m) => m.name === name)?.results?.[ref.result] : undefined;
    return text ? { pkg: decl!.pkg, text } : undefined;
  }
  const node = index.graph.nodes[id];
  const result = node.go!.results[ref.result];
  return result?.type ? { pkg: node.pkg, text: result.type } : undefined;
}
