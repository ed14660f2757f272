// The #cgo lines of a package's preambles, as the go command combines them: every line whose
// constraint holds (`#cgo linux,!drm CFLAGS: -DPLATFORM_DESKTOP`) adds its flags to every C unit
// (CFLAGS), C++ unit (CXXFLAGS) or both (CPPFLAGS). What the preprocessor needs: include folders,
// -D/-U macros, -std, -include. Relative -I folders are the package folder's: the go command runs
// the compiler there, and puts that folder first on the include path itself.
import * as path from 'node:path';
import { ISA_EXTENSIONS } from '../parse/predefined-macros';
import type { Target } from './build-constraints';
import { evalPlusBuildLine } from './build-constraints';
import type { GoFile } from './package';

export interface LangFlags {
  includeDirs: string[];
  quoteDirs: string[];
  defines: Map<string, string>;
  undefines: Set<string>;
  std?: string;
  forceIncludes: string[];
  /** Macros a flag makes unknowable (-march=native decides the instruction set at build time). */
  unknown: Set<string>;
}

export interface CgoFlags {
  c: LangFlags;
  cpp: LangFlags;
  /** Every -D/-U name of every #cgo line, whether or not its constraint holds: the build controls them. */
  controlled: Set<string>;
}

const LINE = /^#cgo\s+(?:([^:]*?)\s+)?(CFLAGS|CPPFLAGS|CXXFLAGS):\s*(.*)$/;

export function cgoFlags(goFiles: GoFile[], target: Target, dir: string): CgoFlags {
  const empty = (): LangFlags => ({ includeDirs: [dir], quoteDirs: [], defines: new Map(), undefines: new Set(), forceIncludes: [], unknown: new Set() });
  const flags: CgoFlags = { c: empty(), cpp: empty(), controlled: new Set() };
  for (const file of goFiles) {
    for (const line of file.facts.preamble?.cgo ?? []) {
      const m = LINE.exec(line.text);
      if (!m) continue;
      const args = shellWords(m[3].replace(/\$\{SRCDIR\}/g, dir));
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const name = /^-[DU](\w+)/.exec(a)?.[1] ?? ((a === '-D' || a === '-U') ? /^\w+/.exec(args[i + 1] ?? '')?.[0] : undefined);
        if (name) flags.controlled.add(name);
      }
      if (m[1] && !m[1].split(/\s+/).some((alt) => evalPlusBuildLine(alt, target))) continue;
      const targets = m[2] === 'CFLAGS' ? [flags.c] : m[2] === 'CXXFLAGS' ? [flags.cpp] : [flags.c, flags.cpp];
      for (const t of targets) apply(t, args, dir);
    }
  }
  return flags;
}

function apply(t: LangFlags, args: string[], dir: string): void {
  const folder = (p: string) => path.resolve(dir, p);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string) => (a === flag ? args[++i] ?? '' : a.slice(flag.length));
    if (a.startsWith('-I')) t.includeDirs.push(folder(value('-I')));
    else if (a.startsWith('-isystem')) t.includeDirs.push(folder(value('-isystem')));
    else if (a.startsWith('-iquote')) t.quoteDirs.push(folder(value('-iquote')));
    else if (a === '-include') t.forceIncludes.push(folder(args[++i] ?? ''));
    else if (a.startsWith('-D')) {
      const d = value('-D');
      const eq = d.indexOf('=');
      const name = eq < 0 ? d : d.slice(0, eq);
      t.defines.set(name, eq < 0 ? '1' : d.slice(eq + 1));
      t.undefines.delete(name);
    } else if (a.startsWith('-U')) {
      const name = value('-U');
      t.undefines.add(name);
      t.defines.delete(name);
    } else if (a.startsWith('-std=')) t.std = a.slice(5);
    else if (a.startsWith('-m') && ISA_EXTENSIONS[a.slice(2)]) for (const name of ISA_EXTENSIONS[a.slice(2)]) t.defines.set(name, '1');
    else if (a.startsWith('-march=') || a.startsWith('-mcpu=')) for (const name of Object.values(ISA_EXTENSIONS).flat()) t.undefines.delete(name), t.unknown.add(name);
  }
}

/** Splits like the go command does for #cgo lines: spaces separate, quotes group, backslash escapes. */
export function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = '', inWord = false, quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; inWord = true; continue; }
    if (c === '\\' && i + 1 < s.length) { cur += s[++i]; inWord = true; continue; }
    if (c === ' ' || c === '\t') { if (inWord) out.push(cur); cur = ''; inWord = false; continue; }
    cur += c;
    inWord = true;
  }
  if (inWord) out.push(cur);
  return out;
}
