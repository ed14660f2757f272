// Interface calls by method set (class hierarchy analysis): an interface call reaches the method of
// each workspace type whose method set holds every method of the interface, promoted methods
// included. A type is a candidate through its pointer's method set (value and pointer receivers),
// since either may be stored in the interface. An unexported interface method is only implemented
// by types of the interface's own package. Methods an external embedded type might add are not
// guessed: such a type implements only what the workspace shows.
import type { GoTypeDecl } from '../model/facts';
import type { WorkspaceIndex } from './callgraph';
import { declsOf, lookupType, type DeclRef } from './go-decls';

interface Method { arity: number; node?: number }

/** Caches hold node ids: one per workspace index (facts outlive an analysis in the language server). */
function perIndex<V>(caches: WeakMap<WorkspaceIndex, Map<GoTypeDecl, V>>, index: WorkspaceIndex): Map<GoTypeDecl, V> {
  let m = caches.get(index);
  if (!m) caches.set(index, (m = new Map()));
  return m;
}

const setCaches = new WeakMap<WorkspaceIndex, Map<GoTypeDecl, Map<string, Method>>>();

/** Every method of *T: declared, then promoted from embedded types (the shallower one wins). */
export function methodSet(index: WorkspaceIndex, t: DeclRef, depth = 0): Map<string, Method> {
  const cache = perIndex(setCaches, index);
  const hit = cache.get(t.decl);
  if (hit) return hit;
  const out = new Map<string, Method>();
  cache.set(t.decl, out); // a cycle of embeddings ends here
  for (const [name, node] of index.packages.get(t.pkg.importPath)?.methods.get(t.decl.name) ?? []) out.set(name, { arity: index.graph.nodes[node].go!.params.length, node });
  if (t.decl.kind === 'struct' && depth < 5) {
    for (const e of t.decl.embedded) {
      const inner = lookupType(index, { pkg: t.pkg, text: e });
      if (!inner) continue;
      const promoted = inner.decl.kind === 'interface' ? interfaceMethods(index, inner) : methodSet(index, inner, depth + 1);
      for (const [name, m] of promoted) if (!out.has(name)) out.set(name, typeof m === 'number' ? { arity: m } : m);
    }
  }
  return out;
}

const ifaceCaches = new WeakMap<WorkspaceIndex, Map<GoTypeDecl, Map<string, number>>>();

/** Name → arity of an interface's methods, embedded interfaces included (`error` is known; other external ones add nothing). */
export function interfaceMethods(index: WorkspaceIndex, iface: DeclRef): Map<string, number> {
  const cache = perIndex(ifaceCaches, index);
  const hit = cache.get(iface.decl);
  if (hit) return hit;
  const out = new Map<string, number>();
  cache.set(iface.decl, out);
  for (const m of iface.decl.methods) out.set(m.name, m.arity);
  for (const e of iface.decl.embedded) {
    if (e === 'error') { out.set('Error', 0); continue; }
    const inner = lookupType(index, { pkg: iface.pkg, text: e });
    if (inner?.decl.kind === 'interface') for (const [n, a] of interfaceMethods(index, inner)) if (!out.has(n)) out.set(n, a);
  }
  return out;
}

export function implementsInterface(index: WorkspaceIndex, t: DeclRef, iface: DeclRef): boolean {
  const set = methodSet(index, t);
  for (const [name, arity] of interfaceMethods(index, iface)) {
    if (set.get(name)?.arity !== arity) return false;
    if (!/^\p{Lu}/u.test(name) && t.pkg !== iface.pkg) return false;
  }
  return true;
}

const embeddersCache = new WeakMap<WorkspaceIndex, Map<GoTypeDecl, DeclRef[]>>();

/** Struct types that embed each type (to find the types a method is promoted to). */
function embedders(index: WorkspaceIndex): Map<GoTypeDecl, DeclRef[]> {
  let out = embeddersCache.get(index);
  if (out) return out;
  out = new Map();
  embeddersCache.set(index, out);
  for (const pi of index.packages.values()) {
    for (const decl of declsOf(pi.pkg)?.types.values() ?? []) {
      for (const e of decl.kind === 'struct' ? decl.embedded : []) {
        const inner = lookupType(index, { pkg: pi.pkg, text: e });
        if (!inner) continue;
        if (!out.has(inner.decl)) out.set(inner.decl, []);
        out.get(inner.decl)!.push({ pkg: pi.pkg, decl });
      }
    }
  }
  return out;
}

const targetCaches = new WeakMap<WorkspaceIndex, Map<GoTypeDecl, Map<string, number[]>>>();

/** The methods an interface call `x.name(…)` can reach: one per implementing workspace type. */
export function interfaceTargets(index: WorkspaceIndex, iface: DeclRef, name: string): number[] {
  const cache = perIndex(targetCaches, index);
  let byName = cache.get(iface.decl);
  if (!byName) cache.set(iface.decl, (byName = new Map()));
  const hit = byName.get(name);
  if (hit) return hit;
  const out = new Set<number>();
  const seen = new Set<GoTypeDecl>();
  const queue: DeclRef[] = [];
  for (const id of index.methods.get(name) ?? []) {
    const n = index.graph.nodes[id];
    const decl = declsOf(n.pkg)?.types.get(n.go!.recv!.type);
    if (decl && !seen.has(decl)) { seen.add(decl); queue.push({ pkg: n.pkg, decl }); }
  }
  const by = embedders(index);
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i];
    if (t.decl.kind !== 'interface' && implementsInterface(index, t, iface)) {
      const node = methodSet(index, t).get(name)?.node;
      if (node !== undefined) out.add(node);
    }
    for (const outer of by.get(t.decl) ?? []) if (!seen.has(outer.decl)) { seen.add(outer.decl); queue.push(outer); }
  }
  const list = [...out].sort((a, b) => a - b);
  byName.set(name, list);
  return list;
}
