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
    const where = hidden.length > 1 ? `${hidden[0].file} and ${hidden.length - 1} more file${hidden.length > 2 ? 's' : ''}` : hidden[0]?.file;
    out.push(hidden.length
      ? `"systemStackRoots": "${name}" matches no function of the checked packages; it is declared only in ${where}, which no build for ${config.goos}/${config.goarch} includes${hidden[0].constraint ? ` (${hidden[0].file}: ${hidden[0].constraint})` : ''}`
      : `"systemStackRoots": "${name}" matches no function of the checked packages (write it as package.Function, package.Type.Method, or with the import path)`);
  }
  return out;
}

/** Files outside every loaded package that declare the function the name ends in. */
function declaredIn(name: string, files: string[], readFile: (file: string) => string): { file: string; constraint?: string }[] {
  const parts = name.split('.');
  const func = parts[parts.length - 1], recv = parts.length > 2 ? parts[parts.length - 2] : undefined;
  const out: { file: string; constraint?: string }[] = [];
  if (!/^\w+$/.test(func)) return out;
  const decl = new RegExp(`^func\\s*${recv && /^\w+$/.test(recv) ? `\\([^)]*\\b${recv}\\b[^)]*\\)\\s*` : '(?:\\([^)]*\\)\\s*)?'}${func}\\s*[[(]`, 'm');
  for (const file of files) {
    let text: string;
    try { text = readFile(file); } catch { continue; }
    if (!decl.test(text)) continue;
    out.push({ file: path.relative(process.cwd(), file) || file, constraint: /^\/\/go:build .*$/m.exec(text)?.[0] });
  }
  return out;
}
