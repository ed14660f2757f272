// Configuration values that must name functions (`systemStackRoots`): one that matches no function
// of the checked packages is said, not ignored (a typo, or a root that exists only in a template
// behind `//go:build ignore`, would otherwise leave a check silently empty).
import * as path from 'node:path';
import type { Config } from '../config/config';
import type { Package } from '../model/package';

/** One problem per unmatched name, worded for stderr, the JSON/SARIF report and the editor. */
export function unmatchedConfigNames(config: Config, packages: Package[], allGoFiles: string[], readFile: (file: string) => string): string[] {
  if (config.systemStackRoots.length === 0) return [];
  const known = new Set<string>();
  const loaded = new Set<string>();
  for (const p of packages) {
    for (const f of p.goFiles) {
      loaded.add(f.path);
      for (const fn of f.facts.funcs) if (fn.parent === undefined) { known.add(`${p.importPath}.${fn.key}`); known.add(`${p.name}.${fn.key}`); }
    }
  }
  const out: string[] = [];
  for (const name of config.systemStackRoots) {
    if (known.has(name)) continue;
    const hidden = declaredIn(name, allGoFiles.filter((f) => !loaded.has(f)), readFile);
    out.push(hidden
      ? `"systemStackRoots": "${name}" matches no function of the checked packages; it is declared only in ${hidden.file}, which no build includes${hidden.constraint ? ` (${hidden.constraint})` : ''}`
      : `"systemStackRoots": "${name}" matches no function of the checked packages (write it as package.Function, package.Type.Method, or with the import path)`);
  }
  return out;
}

/** A file outside every loaded package that declares the function the name ends in. */
function declaredIn(name: string, files: string[], readFile: (file: string) => string): { file: string; constraint?: string } | undefined {
  const parts = name.split('.');
  const func = parts[parts.length - 1], recv = parts.length > 2 ? parts[parts.length - 2] : undefined;
  if (!/^\w+$/.test(func)) return undefined;
  const decl = new RegExp(`^func\\s*${recv && /^\w+$/.test(recv) ? `\\([^)]*\\b${recv}\\b[^)]*\\)\\s*` : '(?:\\([^)]*\\)\\s*)?'}${func}\\s*[[(]`, 'm');
  for (const file of files) {
    let text: string;
    try { text = readFile(file); } catch { continue; }
    if (!decl.test(text)) continue;
    const constraint = /^\/\/go:build .*$/m.exec(text)?.[0];
    return { file: path.relative(process.cwd(), file) || file, constraint };
  }
  return undefined;
}
