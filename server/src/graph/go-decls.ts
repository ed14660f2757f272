// What a Go package declares, indexed once per analysis (named types, package variables), and
// the lookups over it: a type by name through imports, a struct's fields and a type's methods with
// those promoted from embedded fields (Go's selector rules).
import type { GoFile, Package } from '../model/package';
import type { GoTypeDecl, ValueRef } from '../model/facts';
import { baseTypeName } from '../model/go-types';
import type { WorkspaceIndex } from './callgraph';
import { own } from '../util/own';

export interface TypeRef { pkg: Package; text: string }
export interface DeclRef { pkg: Package; decl: GoTypeDecl }

interface PackageDecls {
  types: Map<string, GoTypeDecl>;
  vars: Record<string, string>;
  varCalls: Record<string, ValueRef>;
}

const decls = new WeakMap<Package, PackageDecls>();

/** Collects a package's named types and variables; every package first, then calls. */
export function indexDeclarations(pkg: Package): void {
  const d: PackageDecls = { types: new Map(), vars: {}, varCalls: {} };
  for (const f of pkg.goFiles) {
    for (const t of f.facts.types) d.types.set(t.name, t);
    Object.assign(d.vars, f.facts.vars);
    Object.assign(d.varCalls, f.facts.varCalls);
  }
  decls.set(pkg, d);
}

export function declsOf(pkg: Package): PackageDecls | undefined {
  return decls.get(pkg);
}

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

/** Finds the declaration of a named type in the workspace (following `pkg.T` through imports). */
export function lookupType(index: WorkspaceIndex, ref: TypeRef): DeclRef | undefined {
  const name = baseTypeName(ref.text).name;
  const dot = name.indexOf('.');
  if (dot < 0) {
    const decl = decls.get(ref.pkg)?.types.get(name);
    return decl ? { pkg: ref.pkg, decl } : undefined;
  }
  const target = packageOf(index, ref.pkg, name.slice(0, dot));
  const decl = target && decls.get(target)?.types.get(name.slice(dot + 1));
  return decl ? { pkg: target!, decl } : undefined;
}

/** The workspace package an import name of `pkg` stands for. */
export function packageOf(index: WorkspaceIndex, pkg: Package, alias: string): Package | undefined {
  for (const file of pkg.goFiles) {
    const path = importAliases(file).get(alias);
    if (path) return index.packages.get(path)?.pkg;
  }
  return undefined;
}

/**
 * A field of a struct, directly or promoted from an embedded struct (shallowest first), with the
 * struct that declares it: that struct and the name key a field's holder in go-values.ts.
 */
export function fieldOf(index: WorkspaceIndex, owner: DeclRef, name: string, depth = 0): { owner: DeclRef; type: string } | undefined {
  const direct = own(owner.decl.fields, name);
  if (direct) return { owner, type: direct };
  if (depth > 4) return undefined;
  for (const e of owner.decl.embedded) {
    const inner = lookupType(index, { pkg: owner.pkg, text: e });
    const hit = inner && inner.decl.kind === 'struct' ? fieldOf(index, inner, name, depth + 1) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** What a method call on a named type reaches: its own method or one promoted from an embedded type. */
export function methodOf(index: WorkspaceIndex, owner: DeclRef, name: string, depth = 0): number | undefined {
  const own = index.packages.get(owner.pkg.importPath)?.methods.get(owner.decl.name)?.get(name);
  if (own !== undefined) return own;
  if (depth > 4 || owner.decl.kind !== 'struct') return undefined;
  for (const e of owner.decl.embedded) {
    const inner = lookupType(index, { pkg: owner.pkg, text: e });
    const hit = inner && inner.decl.kind !== 'interface' ? methodOf(index, inner, name, depth + 1) : undefined;
    if (hit !== undefined) return hit;
  }
  return undefined;
}
