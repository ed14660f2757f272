// Which packages can affect each other's findings. The call graph only links packages through
// imports (and the types reached through them), //go:linkname targets, and interface calls, which
// resolve by method name across the workspace (graph/resolve-go.ts). Packages never linked that way
// share no edge (nor a file: an #included C file belongs to every package that reads it), so each
// connected component is checked on its own, and a component none of whose packages changed keeps
// its findings: an edit re-checks its package and the packages linked to it.
// Called method names are read from the text, so packages loaded as outlines (no bodies) link too.
import type { Package } from '../model/package';
import { listAt } from '../util/list-at';

interface Links {
  /** Import paths and linkname targets this package names. */
  names: string[];
  /** Method names called somewhere in its files (`x.Name(`), over-approximated from the text. */
  calls: Set<string>;
  /** Method names it declares. */
  methods: Set<string>;
}

const linkCache = new WeakMap<Package, Links>();
const CALLED = /\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;

function linksOf(pkg: Package): Links {
  let links = linkCache.get(pkg);
  if (links) return links;
  const names: string[] = [];
  const calls = new Set<string>();
  const methods = new Set<string>();
  for (const f of pkg.goFiles) {
    for (const imp of f.facts.imports) names.push(imp.path);
    for (const ln of f.facts.linknames) names.push(ln.target);
    for (const fn of f.facts.funcs) if (fn.recv) methods.add(fn.name);
    for (const m of f.text.matchAll(CALLED)) calls.add(m[1]);
  }
  links = { names, calls, methods };
  linkCache.set(pkg, links);
  return links;
}

/** The packages split into groups no call-graph edge can cross, in a stable order. */
export function packageComponents(packages: Package[]): Package[][] {
  const parent = packages.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const union = (a: number, b: number) => { const x = find(a), y = find(b); if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); };
  const byPath = new Map<string, number>();
  const byMethod = new Map<string, number>();
  const byFile = new Map<string, number>();
  packages.forEach((p, i) => {
    // A file read by two packages (a C file a preamble #includes from another folder) is one
    // set of findings and suppressions: its readers go together.
    for (const f of [...p.goFiles, ...p.cFiles]) {
      const other = byFile.get(f.path);
      if (other === undefined) byFile.set(f.path, i); else union(i, other);
    }
    // Packages sharing an import path shadow each other in the index: keep them together.
    const same = byPath.get(p.importPath);
    if (same === undefined) byPath.set(p.importPath, i); else union(i, same);
    for (const m of linksOf(p).methods) {
      const other = byMethod.get(m);
      if (other === undefined) byMethod.set(m, i); else union(i, other);
    }
  });
  packages.forEach((p, i) => {
    const links = linksOf(p);
    for (const name of links.names) {
      // An import path, or a linkname target `path.Name` / `path.Type.Method`: try each dotted prefix.
      for (let end = name.length; end > 0; end = name.lastIndexOf('.', end - 1)) {
        const j = byPath.get(name.slice(0, end));
        if (j !== undefined) { union(i, j); break; }
      }
    }
    for (const c of links.calls) {
      const j = byMethod.get(c);
      if (j !== undefined) union(i, j);
    }
  });
  const groups = new Map<number, Package[]>();
  packages.forEach((p, i) => listAt(groups, find(i)).push(p));
  return [...groups.values()];
}
