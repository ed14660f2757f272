// The package model: one folder's Go files with one package clause (build constraints applied)
// plus, when the package uses cgo, its C/C++ files and the files their #include "..." pulls in.
// _test.go files join their package marked as test code (cgo is not allowed in them);
// an external `x_test` package is a package of its own.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParserBackend } from '../parse/backend';
import { formatBytes } from '../text/format-bytes';
import { LineIndex } from '../text/line-index';
import { fileIncluded, type Target } from './build-constraints';
import type { FolderFiles } from './discover';
import { findModule } from './discover';
import { extractCUnit } from './extract-c';
import { extractGo } from './extract-go';
import type { CUnitFacts, GoFileFacts } from './facts';
import { listAt } from '../util/list-at';

export interface SourceFile { path: string; text: string; lines: LineIndex }
export interface GoFile extends SourceFile { facts: GoFileFacts; isTest: boolean }
export interface CFile extends SourceFile { facts: CUnitFacts; cpp: boolean; includedOnly: boolean }

export interface Package {
  dir: string;
  name: string;
  importPath: string;
  goFiles: GoFile[];
  cFiles: CFile[];
}

export interface LoadOptions {
  backend: ParserBackend;
  target: Target;
  /** Reads a file's text (the language server passes open documents first). */
  readFile: (file: string) => string;
  /** Files above this size are skipped with a notice. */
  maxFileBytes: number;
  /** Folder that bounds #include following and module lookup (nothing outside it is read). */
  workspaceRoot: string;
  problem: (message: string) => void;
  cache?: FactCache;
  /**
   * Outline facts, apart from `cache`: full facts never serve an outline request, or a package
   * read as an outline would report from bodies that a fresh read leaves out.
   */
  outlineCache?: FactCache;
  /** Whether a folder's Go files are read in full at once (else as an outline); default: all full. */
  fullPackage?: (texts: string[]) => boolean;
}

/** Facts per file path, valid while the text is the same. */
export type FactCache = Map<string, CachedFacts>;
export interface CachedFacts { text: string; facts: GoFileFacts | CUnitFacts }

export function defaultReadFile(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export function loadFolder(folder: FolderFiles, opts: LoadOptions): Package[] {
  const texts: { file: string; text: string }[] = [];
  for (const file of folder.goFiles) {
    const text = readChecked(file, opts);
    if (text !== undefined && fileIncluded(path.basename(file), text, opts.target)) texts.push({ file, text });
  }
  // Decided before parsing, so a package the analysis always needs is parsed once, in full.
  const full = opts.fullPackage?.(texts.map((t) => t.text)) ?? true;
  const goFiles: GoFile[] = texts.map(({ file, text }) => {
    const isTest = file.endsWith('_test.go');
    return { path: file, text, lines: new LineIndex(text), facts: goFacts(file, text, isTest, !full, opts), isTest };
  });
  const byName = new Map<string, GoFile[]>();
  for (const f of goFiles) {
    const name = f.facts.packageName;
    if (!name) { opts.problem(`${f.path}: no package clause; file skipped`); continue; }
    listAt(byName, name).push(f);
  }
  const base = importPathOf(folder.dir, opts.workspaceRoot);
  const packages: Package[] = [];
  for (const [name, files] of byName) {
    const external = name.endsWith('_test') && files.every((f) => f.isTest) && byName.size > 1;
    const pkg: Package = { dir: folder.dir, name, importPath: external ? `${base}_test` : base, goFiles: files, cFiles: [] };
    if (files.some((f) => f.facts.imports.some((i) => i.path === 'C'))) loadC(pkg, folder, opts);
    packages.push(pkg);
  }
  if (packages.length === 0 && folder.cFiles.length > 0 && folder.goFiles.length === 0) {
    // A lone C file opened for checking: analyse it as a package of its own.
    const pkg: Package = { dir: folder.dir, name: '', importPath: base, goFiles: [], cFiles: [] };
    loadC(pkg, folder, opts);
    packages.push(pkg);
  }
  return packages;
}

function goFacts(file: string, text: string, isTest: boolean, outline: boolean, opts: LoadOptions): GoFileFacts {
  return cached(file, text, outline ? opts.outlineCache : opts.cache, () => extractGo(opts.backend, text, isTest, outline));
}

/** A package loaded as an outline, with its function bodies read: a copy, the outline stays as it was. */
export function withBodies(pkg: Package, opts: LoadOptions): Package {
  return { ...pkg, goFiles: pkg.goFiles.map((f) => (f.facts.outline ? { ...f, facts: goFacts(f.path, f.text, f.isTest, false, opts) } : f)) };
}

function loadC(pkg: Package, folder: FolderFiles, opts: LoadOptions): void {
  const seen = new Set<string>();
  const add = (file: string, includedOnly: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readChecked(file, opts);
    if (text === undefined) return;
    if (!includedOnly && !fileIncluded(path.basename(file), text, opts.target)) return;
    const facts = cached(file, text, opts.cache, () => extractCUnit(opts.backend, text));
    pkg.cFiles.push({ path: file, text, lines: new LineIndex(text), facts, cpp: /\.(cc|cpp|cxx|hh|hpp|hxx)$/.test(file), includedOnly });
    followIncludes(path.dirname(file), facts);
  };
  const followIncludes = (fromDir: string, facts: CUnitFacts) => {
    for (const inc of facts.includes) {
      if (inc.system) continue;
      const target = path.resolve(fromDir, inc.path);
      if (!isInside(target, opts.workspaceRoot) || seen.has(target)) continue;
      if (fs.existsSync(target)) add(target, path.dirname(target) !== folder.dir);
      // A missing header may come from -I; a missing .c is code that goes unchecked: say so.
      else if (/\.(c|cc|cpp|cxx)$/.test(inc.path)) opts.problem(`${target}: included from ${fromDir} but not found; its C is not checked`);
    }
  };
  for (const file of folder.cFiles) add(file, false);
  for (const g of pkg.goFiles) if (g.facts.preamble) followIncludes(folder.dir, g.facts.preamble);
}

function readChecked(file: string, opts: LoadOptions): string | undefined {
  let text: string;
  try {
    text = opts.readFile(file);
  } catch (e) {
    opts.problem(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  if (text.length > opts.maxFileBytes) {
    opts.problem(`${file}: ${formatBytes(text.length)} is over the ${formatBytes(opts.maxFileBytes)} limit (maxFileBytes); file skipped`);
    return undefined;
  }
  if (text.slice(0, 8000).includes('\0')) {
    opts.problem(`${file}: binary content (NUL bytes); file skipped`);
    return undefined;
  }
  return text;
}

function cached<T extends GoFileFacts | CUnitFacts>(file: string, text: string, cache: FactCache | undefined, make: () => T): T {
  const hit = cache?.get(file);
  if (hit && hit.text === text) return hit.facts as T;
  const facts = make();
  cache?.set(file, { text, facts });
  return facts;
}

const moduleCache = new Map<string, { path: string; dir: string } | undefined>();

/** Import path from the nearest go.mod (module `std` has bare paths); else the path below the root. */
export function importPathOf(dir: string, root: string): string {
  let mod = moduleCache.get(dir);
  if (!moduleCache.has(dir)) { mod = findModule(dir, root); moduleCache.set(dir, mod); }
  if (mod) {
    const rel = path.relative(mod.dir, dir).split(path.sep).join('/');
    if (mod.path === 'std') return rel || 'std';
    return rel ? `${mod.path}/${rel}` : mod.path;
  }
  return path.relative(root, dir).split(path.sep).join('/') || path.basename(dir);
}

export function clearModuleCache(): void { moduleCache.clear(); }

export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
