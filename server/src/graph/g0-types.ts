// What a value is, for the g0 rules: a map, a channel, a sync or sync/atomic type, as far as the
// workspace's own declarations say (locals, parameters, results, fields, package variables, named
// types). Unknown stays unknown, and the rules then report nothing.
import type { GoFunc, ValueRef } from '../model/facts';
import { baseTypeName } from '../model/go-types';
import type { GoFile, Package } from '../model/package';
import type { FuncNode, WorkspaceIndex } from './callgraph';
import { importAliases, lookupType, typeOfRef } from './resolve-go';

export interface TypeRef { pkg: Package; text: string }

export type ValueKind = 'map' | 'chan';

/** The declared type of a value used in a function, or undefined. */
export function typeOfValue(index: WorkspaceIndex, node: FuncNode, ref: ValueRef): TypeRef | undefined {
  const file = node.file as GoFile;
  const direct = typeOfRef(index, node.pkg, file, file.facts.funcs, node.go!, ref);
  if (direct) return direct;
  // `pkg.Var` where pkg is an imported workspace package.
  if (ref.kind === 'field' && ref.base.kind === 'ident' && !boundLocally(file.facts.funcs, node.go!, ref.base.name)) {
    const path = importAliases(file).get(ref.base.name);
    const target = path ? index.packages.get(path) : undefined;
    for (const f of target?.pkg.goFiles ?? []) if (f.facts.vars[ref.name]) return { pkg: target!.pkg, text: f.facts.vars[ref.name] };
  }
  return undefined;
}

/** Map or channel, following named types (`type Labels map[string]string`, `type T Labels`). */
export function kindOfType(index: WorkspaceIndex, t: TypeRef | undefined, depth = 0): ValueKind | undefined {
  if (!t || depth > 8) return undefined;
  // Indexing or ranging a pointer derefs it only for arrays, so a leading * never makes a map.
  const text = t.text.replace(/^\*+/, '').trim();
  if (/^map\s*\[/.test(text)) return 'map';
  if (/^(<-\s*)?chan\b/.test(text)) return 'chan';
  if (/^[[(]|^func\b|^struct\b|^interface\b/.test(text)) return undefined;
  const decl = lookupType(index, { pkg: t.pkg, text });
  if (!decl) return undefined;
  if (decl.decl.kind === 'map') return 'map';
  if (decl.decl.kind === 'other') return kindOfType(index, { pkg: decl.pkg, text: decl.decl.underlying }, depth + 1);
  return undefined;
}

export function kindOfValue(index: WorkspaceIndex, node: FuncNode, ref: ValueRef | undefined): ValueKind | undefined {
  return ref ? kindOfType(index, typeOfValue(index, node, ref)) : undefined;
}

/** `sync.Mutex` in the declaring package's files → { path: 'sync', name: 'Mutex' }. */
export function externalType(t: TypeRef): { path: string; name: string } | undefined {
  const name = baseTypeName(t.text).name;
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const alias = name.slice(0, dot);
  for (const file of t.pkg.goFiles) {
    const path = importAliases(file).get(alias);
    if (path) return { path, name: name.slice(dot + 1) };
  }
  return undefined;
}

/** A name bound in the function or the functions around a closure (it shadows a package name). */
export function boundLocally(funcs: GoFunc[], f: GoFunc, name: string): boolean {
  for (let g: GoFunc | undefined = f; g; g = g.parent !== undefined ? funcs[g.parent] : undefined) {
    if (name in g.locals || g.params.some((p) => p.name === name) || g.results.some((p) => p.name === name) || g.recv?.name === name) return true;
  }
  return false;
}
