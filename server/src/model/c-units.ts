// What cgo compiles for a package, as units: each preamble and each .c/.cc/.cpp/.cxx file of the
// package's folder whose build constraints hold (.m on darwin), preprocessed with the package's
// #cgo flags. A unit brings in what it #includes (quoted: beside the including file first, then
// -iquote and -I folders; <…>: the -I folders), inside the workspace only, so `#include "x.c"`
// adds x.c to the unit whatever its own build constraints say. Each file a unit reads becomes a
// view: its text as the preprocessor left it, parsed in the unit's language (C or C++) and cached
// by that text. A header read alike by several units is one view.
import * as path from 'node:path';
import { LineIndex } from '../text/line-index';
import type { Macros } from '../parse/c-expr';
import { preprocessFile, reservedPrefix, type FileView, type IncludeDirective, type PreprocessContext } from '../parse/preprocess';
import { targetMacros } from '../parse/predefined-macros';
import { hashText } from '../util/hash';
import { fileIncluded } from './build-constraints';
import type { CUnitFacts } from './c-facts';
import { cgoFlags, type LangFlags } from './cgo-flags';
import type { FolderFiles } from './discover';
import { extractC, type CLang } from './extract-c';
import type { FactCache, LoadOptions, Package, SourceFile } from './package';
import { isInside, readChecked } from './read-source';

export interface CView {
  file: SourceFile;
  lang: CLang;
  facts: CUnitFacts;
  /** The units that read this text (a header included alike by several). */
  units: CUnit[];
}

export interface CUnit {
  /** The .c/.cpp file, or the Go file for a preamble. */
  main: SourceFile;
  lang: CLang;
  views: CView[];
  /** The macro table at the end of the unit: sizes and bounds are evaluated with it. */
  macros: Macros;
  /** The texts the unit read and its flags: units with the same key evaluate alike (frames are cached by it). */
  key: string;
}

/** The C side of a package: its units, the views they read, and every non-Go file among them. */
export interface PackageC { units: CUnit[]; views: CView[]; files: SourceFile[]; unknownConditions: number }

const SOURCE = /\.(c|cc|cpp|cxx|m)$/;

/** The cache key under which a file's C views are kept (a Go file's preamble included). */
export function cViewKey(file: string): string {
  return `${file}\0c`;
}

/** Facts of the views of one file, by language and parsed text. */
export interface CViewSet { views: Record<string, CUnitFacts> }

export function loadCUnits(pkg: Package, folder: FolderFiles, opts: LoadOptions): PackageC {
  const target = opts.target;
  const flags = cgoFlags(pkg.goFiles, target, folder.dir);
  const controlled = new Set(flags.controlled);
  const ownPrefixes = new Set([...controlled].map(reservedPrefix).filter((p): p is string => !!p));
  const files = new Map<string, SourceFile>();
  for (const g of pkg.goFiles) files.set(g.path, g);
  const readSource = (file: string, report: boolean): SourceFile | undefined => {
    if (files.has(file)) return files.get(file);
    const text = readChecked(file, opts, !report);
    if (text === undefined) return undefined;
    const sf: SourceFile = { path: file, text, lines: new LineIndex(text) };
    files.set(file, sf);
    return sf;
  };

  const sources: { main: SourceFile; lang: CLang; segments?: { start: number; end: number }[] }[] = [];
  for (const g of pkg.goFiles) {
    if (g.facts.preamble && g.facts.preamble.ranges.length) sources.push({ main: g, lang: 'c', segments: g.facts.preamble.ranges });
  }
  for (const file of folder.cFiles) {
    const ext = path.extname(file);
    if (!SOURCE.test(file) || (ext === '.m' && target.goos !== 'darwin' && target.goos !== 'ios')) continue;
    const sf = readSource(file, true);
    if (!sf || !fileIncluded(path.basename(file), sf.text, target)) continue;
    sources.push({ main: sf, lang: ext === '.c' || ext === '.m' ? 'c' : 'cpp' });
  }

  const out: PackageC = { units: [], views: [], files: [], unknownConditions: 0 };
  const byKey = new Map<string, CView>();
  const stats = { unknownConditions: 0, tooDeep: 0 };
  for (const src of sources) {
    const lf: LangFlags = src.lang === 'c' ? flags.c : flags.cpp;
    const unit: CUnit = { main: src.main, lang: src.lang, views: [], macros: initialMacros(target, src.lang, lf), key: '' };
    const seen: FileView[] = [];
    const ctx: PreprocessContext = {
      macros: unit.macros, absent: absentFor(targetMacros(target, src.lang, lf.std).absent, lf), controlled, ownPrefixes, once: new Set(), stats,
      view: (v) => seen.push(v),
      resolve: (inc, from) => resolveInclude(inc, from, lf, opts, readSource),
    };
    try {
      for (const forced of lf.forceIncludes) {
        const sf = readSource(forced, true);
        if (sf && isInside(forced, opts.workspaceRoot)) preprocessFile(sf.path, sf.text, undefined, ctx);
      }
      preprocessFile(src.main.path, src.main.text, src.segments, ctx);
    } catch (e) {
      opts.problem(`${src.main.path}: the preprocessor failed (internal error: ${(e as Error).message}); its C is not checked`);
      continue;
    }
    for (const v of seen) {
      if (!/\S/.test(v.parseText)) continue; // all of it skipped (an include guard's second visit)
      const hash = hashText(v.parseText);
      const key = `${v.file}\0${src.lang}\0${hash}`;
      let view = byKey.get(key);
      if (!view) {
        view = { file: files.get(v.file)!, lang: src.lang, facts: viewFacts(v, src.lang, hash, opts), units: [] };
        byKey.set(key, view);
        out.views.push(view);
      }
      if (!view.units.includes(unit)) { view.units.push(unit); unit.views.push(view); unit.key += `${key}\n`; }
    }
    unit.key += JSON.stringify([...lf.defines, ...lf.undefines, lf.std ?? '', target.goos, target.goarch]);
    out.units.push(unit);
  }
  out.unknownConditions = stats.unknownConditions;
  const goPaths = new Set(pkg.goFiles.map((g) => g.path));
  out.files = [...new Set(out.views.map((v) => v.file))].filter((f) => !goPaths.has(f.path));
  return out;
}

function absentFor(absent: Set<string>, flags: LangFlags): Set<string> {
  return flags.unknown.size ? new Set([...absent].filter((n) => !flags.unknown.has(n))) : absent;
}

function initialMacros(target: LoadOptions['target'], lang: CLang, flags: LangFlags): Macros {
  const macros: Macros = new Map();
  for (const [name, body] of targetMacros(target, lang, flags.std).defined) macros.set(name, { body, certain: true });
  for (const [name, body] of flags.defines) macros.set(name, { body, certain: true });
  for (const name of flags.undefines) macros.set(name, null);
  return macros;
}

function resolveInclude(inc: IncludeDirective, from: string, flags: LangFlags, opts: LoadOptions, read: (file: string, report: boolean) => SourceFile | undefined): { file: string; text: string } | undefined {
  const dirs = inc.system ? flags.includeDirs : [path.dirname(from), ...flags.quoteDirs, ...flags.includeDirs];
  for (const dir of dirs) {
    const file = path.resolve(dir, inc.path);
    if (!isInside(file, opts.workspaceRoot)) continue;
    const sf = read(file, false);
    if (sf) return { file: sf.path, text: sf.text };
  }
  // A missing header may be a system one; a missing .c is code that goes unchecked: say so.
  if (!inc.system && /\.(c|cc|cpp|cxx)$/.test(inc.path)) opts.problem(`${path.resolve(path.dirname(from), inc.path)}: included from ${path.dirname(from)} but not found; its C is not checked`);
  return undefined;
}

/** Views kept per file: the current text's, and a few recent ones (a preamble while Go below it is edited). */
const VIEWS_PER_FILE = 8;

/**
 * A view's facts, cached under its file by the parsed text's hash: the facts depend on nothing
 * else, so a preamble is not parsed again when only the Go code of its file changes.
 */
function viewFacts(v: FileView, lang: CLang, hash: string, opts: LoadOptions): CUnitFacts {
  const cache: FactCache | undefined = opts.cache;
  const key = cViewKey(v.file);
  const entry = (cache?.get(key) as { text: string; facts: CViewSet } | undefined) ?? { text: v.text, facts: { views: {} } };
  cache?.set(key, entry);
  entry.text = v.text;
  const name = `${lang}:${hash}`;
  const views = entry.facts.views;
  const hit = views[name];
  if (hit) return hit;
  const names = Object.keys(views);
  if (names.length >= VIEWS_PER_FILE) delete views[names[0]];
  return (views[name] = extractC(opts.backend, lang, v.parseText));
}
