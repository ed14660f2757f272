// The package model: one folder's Go files with one package clause (build constraints applied)
// plus, when the package uses cgo, the C and C++ units cgo compiles (c-units.ts).
// _test.go files join their package marked as test code (cgo is not allowed in them);
// an external `x_test` package is a package of its own.
import * as path from 'node:path';
import type { ParserBackend } from '../parse/backend';
import { LineIndex } from '../text/line-index';
import { fileIncluded, nameIncluded, type Target } from './build-constraints';
import { loadCUnits, type CUnit, type CView, type CViewSet } from './c-units';
import type { FolderFiles } from './discover';
import { findModule } from './discover';
import { extractGo } from './extract-go';
import type { GoFileFacts } from './facts';
import { readChecked } from './read-source';
import { listAt } from '../util/list-at';
import { readUtf8File } from '../util/read-utf8';

export interface SourceFile { path: string; text: string; lines: LineIndex }
export interface GoFile extends SourceFile { facts: GoFileFacts; isTest: boolean }

export interface Package {
  dir: string;
  name: string;
  importPath: string;
  goFiles: GoFile[];
  /** Every C/C++ file the package's units read (sources and headers), Go files aside. */
  cFiles: SourceFile[];
  cUnits: CUnit[];
  cViews: CView[];
  /** #if conditions on macros that may come from unread headers (both branches kept). */
  unknownConditions: number;
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
export interface CachedFacts { text: string; facts: GoFileFacts | CViewSet }

export function defaultReadFile(file: string): string {
  return readUtf8File(file);
}

export function loadFolder(folder: FolderFiles, opts: LoadOptions): Package[] {
  const texts: { file: string; text: string }[] = [];
  for (const file of folder.goFiles) {
    if (!nameIncluded(path.basename(file), opts.target)) continue;
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
    const pkg: Package = { dir: folder.dir, name, importPath: external ? `${base}_test` : base, goFiles: files, cFiles: [], cUnits: [], cViews: [], unknownConditions: 0 };
    // cgo compiles the folder's C only for a package that imports "C" (and never for _test files).
    if (files.some((f) => !f.isTest && f.facts.imports.some((i) => i.path === 'C'))) {
      const c = loadCUnits(pkg, folder, opts);
      Object.assign(pkg, { cFiles: c.files, cUnits: c.units, cViews: c.views, unknownConditions: c.unknownConditions });
    }
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

function cached<T extends GoFileFacts>(file: string, text: string, cache: FactCache | undefined, make: () => T): T {
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

export { isInside } from './read-source';
