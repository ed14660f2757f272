// Which packages need their function bodies read. Findings only come from code that C calls or
// that calls C, from system-stack roots, and from what those reach; so a big tree is read as an
// outline and only these packages in full: cgo packages, runtime packages, packages with roots
// or linknames, what they import, and (to a fixpoint) any package a reached call lands in.
import type { Config } from '../config/config';
import { buildCallGraph, type WorkspaceIndex } from '../graph/callgraph';
import { reach } from '../graph/paths';
import { loadBodies, type LoadOptions, type Package } from '../model/package';

const ROOT_DIRECTIVES = new Set(['go:systemstack', 'g0guard:systemstack']);

function isSeed(pkg: Package, config: Config): boolean {
  if (pkg.name === 'runtime' || pkg.cFiles.length > 0 || pkg.goFiles.some((f) => f.facts.imports.some((i) => i.path === 'C'))) return true;
  if (pkg.goFiles.some((f) => f.facts.linknames.length > 0 || f.facts.funcs.some((fn) => fn.directives.some((d) => ROOT_DIRECTIVES.has(d))))) return true;
  return config.systemStackRoots.some((r) => r.startsWith(pkg.importPath + '.') || r.startsWith(pkg.name + '.'));
}

/** Loads bodies where needed and returns the call graph over the result. */
export function scopeAndBuild(packages: Package[], config: Config, opts: LoadOptions): WorkspaceIndex {
  const byPath = new Map(packages.map((p) => [p.importPath, p]));
  const deep = new Set<Package>();
  const deepen = (start: Package[]) => {
    const queue = start.filter((p) => !deep.has(p));
    queue.forEach((p) => deep.add(p));
    while (queue.length) {
      const p = queue.pop()!;
      loadBodies(p, opts);
      for (const f of p.goFiles) {
        if (f.isTest) continue;
        for (const imp of f.facts.imports) {
          const q = byPath.get(imp.path);
          if (q && !deep.has(q)) { deep.add(q); queue.push(q); }
        }
      }
    }
  };
  const seeds = packages.filter((p) => isSeed(p, config));
  deepen(seeds);
  for (;;) {
    const index = buildCallGraph(packages);
    const { graph } = index;
    const entries = graph.nodes.filter((n) => seeds.includes(n.pkg)).map((n) => n.id);
    const reached = reach(graph, entries, (e) => e.kind !== 'go');
    const more = new Set<Package>();
    for (const id of reached.keys()) if (!deep.has(graph.nodes[id].pkg)) more.add(graph.nodes[id].pkg);
    if (more.size === 0) return index;
    deepen([...more]);
  }
}
