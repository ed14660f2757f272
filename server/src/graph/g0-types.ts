// What a value is, for the g0 rules: a map, a channel, a sync or sync/atomic type, as far as the
// workspace's own declarations say (locals, parameters, results, fields, package variables, named
// types). Unknown stays unknown, and the rules then report nothing.
import type { GoFunc, ValueRef } from '../model/facts';
import { baseTypeName } from '../model/go-types';
import type { GoFile } from '../model/package';
import type { FuncNode, WorkspaceIndex } from './callgraph';
import { importAliases, lookupType, type TypeRef } from './go-decls';
import { binderIn, typeOfRef } from './go-expr-types';

export type { TypeRef };

export type ValueKind = 'map' | 'chan';

/** The declared type of a value used in a function, or undefined. */
export function typeOfValue(index: WorkspaceIndex, node: FuncNode, ref: ValueRef): TypeRef | undefined {
  return typeOfRef(index, { pkg: node.pkg, file: node.file as GoFile, f: node.go! }, ref);
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
  return binderIn(funcs, f, name) !== undefined;
}
