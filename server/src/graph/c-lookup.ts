// Which function a name calls in C and C++, by the language's own rules as far as they decide:
// C linkage (a static function only in the units that compile it; otherwise any unit of the
// package), C++ qualified and unqualified lookup (the class, then the namespaces outward, then the
// global scope), overloads by arity, and member functions by the object's class, with its bases
// and, for virtual methods, the overrides in classes derived from it.
import type { CRecord, CType } from '../model/c-facts';
import { recordNamed, resolveType, splitStars, withBases, type UnitTypes } from '../model/c-types';
import type { CUnit } from '../model/c-units';
import type { GoFile } from '../model/package';
import { listAt } from '../util/list-at';
import type { CallGraph, FuncNode, PackageIndex } from './callgraph';

/** C-linkage functions named `name` visible from code compiled in `units`. */
export function cLinkage(graph: CallGraph, pi: PackageIndex, name: string, units: CUnit[]): number[] {
  const all = pi.cFuncs.get(name) ?? [];
  if (all.length <= 1 && (all.length === 0 || !graph.nodes[all[0]].c!.isStatic || shares(graph.nodes[all[0]], units))) return all;
  const local = all.filter((id) => shares(graph.nodes[id], units));
  return local.length ? local : all.filter((id) => !graph.nodes[id].c!.isStatic);
}

function shares(node: FuncNode, units: CUnit[]): boolean {
  return node.c!.units.some((u) => units.includes(u));
}

/** `C.name` called from a Go file: the function its preamble (or another unit) defines. */
export function cFromGo(graph: CallGraph, pi: PackageIndex, file: GoFile, name: string): number[] {
  const units = pi.pkg.cUnits.filter((u) => u.main === file);
  return cLinkage(graph, pi, name, units);
}

/** Types of a call's arguments, computed only when overloads need telling apart. */
export type ArgTypes = () => (CType | undefined)[];

/** A direct call `name(...)` made by the C or C++ function `from`. */
export function directTargets(graph: CallGraph, pi: PackageIndex, from: FuncNode, name: string, argCount: number, types: UnitTypes, argTypes?: ArgTypes): number[] {
  const c = from.c!;
  if (from.cpp) {
    const found = cppLookup(pi, c.cls, c.scope, name, types);
    if (found.length) return overloads(graph, found, argCount, types, argTypes);
  }
  return name.includes('::') ? [] : cLinkage(graph, pi, name, c.units);
}

function cppLookup(pi: PackageIndex, cls: string | undefined, scope: string, name: string, types: UnitTypes): number[] {
  const qualifiedName = name.replace(/^::/, '');
  if (cls && !name.includes('::')) {
    const rec = recordNamed(cls, types);
    const m = rec ? methodsNamed(pi, rec, name, types) : pi.cppFuncs.get(`${cls}::${name}`) ?? [];
    if (m.length) return m;
  }
  const parts = scope ? scope.split('::') : [];
  for (let k = parts.length; k >= 0; k--) {
    const ids = pi.cppFuncs.get([...parts.slice(0, k), qualifiedName].join('::'));
    if (ids?.length) return ids;
  }
  return [];
}

/**
 * The overloads a call can mean: those taking this many arguments (all of them when none does:
 * default arguments), then, when several remain, those whose parameters fit the argument types
 * best (a parameter of another class or string type than the argument rules one out).
 */
function overloads(graph: CallGraph, ids: number[], argCount: number, types: UnitTypes, argTypes?: ArgTypes): number[] {
  const fit = ids.filter((id) => {
    const c = graph.nodes[id].c!;
    return c.params.length === argCount || (c.variadic && argCount >= c.params.length);
  });
  const candidates = fit.length ? fit : ids;
  if (candidates.length < 2 || !argTypes) return candidates;
  const args = argTypes();
  const scored = candidates.map((id) => ({ id, score: graph.nodes[id].c!.params.reduce((sum, p, i) => sum + paramFit(p.type, args[i], types), 0) }));
  const best = Math.max(...scored.map((x) => x.score));
  return best === -Infinity ? candidates : scored.filter((x) => x.score === best).map((x) => x.id);
}

const STRINGS = /^(std::)?(string|wstring|string_view|basic_string<.*>)$/;

/** 2 for the same type, 1 for a conversion C++ would make, -Infinity for one it would not. */
function paramFit(param: CType, arg: CType | undefined, types: UnitTypes): number {
  if (arg === undefined) return 0;
  const p = splitStars(resolveType(param, types)), a = splitStars(resolveType(arg, types));
  if (p.base === a.base && p.stars === a.stars) return 2;
  const record = (b: string) => !!recordNamed(b, types) || b.startsWith('std::');
  if (p.stars === 0 && STRINGS.test(p.base)) return a.stars === 1 && /^(char|const char)$/.test(a.base) ? 1 : STRINGS.test(a.base) ? 2 : record(a.base) ? -Infinity : 0;
  if (p.stars === 0 && record(p.base) && (record(a.base) || a.stars > 0)) return -Infinity;
  if (p.stars > 0 && a.stars > 0 && record(p.base) && record(a.base)) return -Infinity;
  return 1;
}

/** `obj.name(...)` on a value of class `rec`: the method found in it or its bases, and overrides below. */
export function methodTargets(graph: CallGraph, pi: PackageIndex, rec: CRecord, name: string, argCount: number, types: UnitTypes, argTypes?: ArgTypes): number[] {
  const found = methodsNamed(pi, rec, name, types);
  if (found.length === 0) return [];
  const virtual = isVirtual(rec, name, types);
  const out = new Set(found);
  if (virtual) for (const d of derivedFrom(rec.name, types)) for (const id of pi.cppFuncs.get(`${d.name}::${name}`) ?? []) out.add(id);
  return overloads(graph, [...out], argCount, types, argTypes);
}

/** Whether a record has a method of this name, itself or through its bases. */
export function hasMethod(rec: CRecord, name: string, types: UnitTypes): boolean {
  for (const r of withBases(rec, types)) if (r.methods.some((m) => m.name === name)) return true;
  return false;
}

/** The definitions of the method as the nearest record that defines one (itself, else a base) has them. */
function methodsNamed(pi: PackageIndex, rec: CRecord, name: string, types: UnitTypes): number[] {
  for (const r of withBases(rec, types)) {
    const own = pi.cppFuncs.get(`${r.name}::${name}`);
    if (own?.length) return own;
  }
  return [];
}

function isVirtual(rec: CRecord, name: string, types: UnitTypes): boolean {
  for (const r of withBases(rec, types)) if (r.methods.some((m) => m.name === name && m.virtual)) return true;
  return false;
}

const derivedCache = new WeakMap<UnitTypes, Map<string, CRecord[]>>();

/** Records that derive from `name`, directly or not. */
function derivedFrom(name: string, types: UnitTypes): CRecord[] {
  let byBase = derivedCache.get(types);
  if (!byBase) {
    byBase = new Map();
    for (const r of types.records.values()) for (const b of r.bases) listAt(byBase, b).push(r);
    derivedCache.set(types, byBase);
  }
  const out: CRecord[] = [];
  const queue = [name, name.split('::').pop()!];
  const seen = new Set<string>();
  while (queue.length) {
    const n = queue.shift()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const r of byBase.get(n) ?? []) { out.push(r); queue.push(r.name); }
  }
  return out;
}
