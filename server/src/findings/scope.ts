// Which packages need their function bodies read. Findings only come from cgo's C, from what
// //export functions and system-stack roots reach, so a big tree is read as an outline and only
// these packages in full: packages whose text shows cgo, runtime code, linknames or roots, and (to
// a fixpoint) every package a reached call lands in. On Go's own src that is 13 of 517 packages.
import type { Config } from '../config/config';
import { buildCallGraph, type WorkspaceIndex } from '../graph/callgraph';
import { findRoots } from '../graph/g0-reach';
import { reach } from '../graph/paths';
import { loadBodies, type LoadOptions, type Package } from '../model/package';

const SEED_TEXT = /"C"|^package runtime\b|\/\/go:linkname |\/\/go:systemstack|g0guard:systemstack/m;

/** A package whose text shows cgo, runtime code, linknames or roots is read in full at once. */
export function isSeedPackage(texts: string[], importPath: string, config: Config): boolean {
  if (texts.some((t) => SEED_TEXT.test(t))) return true;
  const names = new Set(texts.map((t) => /^package\s+(\w+)/m.exec(t)?.[1]));
  return config.systemStackRoots.some((r) => r.startsWith(importPath + '.') || names.has(r.split('.')[0]));
}

/** Loads bodies where needed and returns the call graph over the result. */
export function scopeAndBuild(packages: Package[], config: Config, opts: LoadOptions): WorkspaceIndex {
  for (;;) {
    const index = buildCallGraph(packages);
    const { graph } = index;
    const entries = [...findRoots(index, config).keys()];
    for (const n of graph.nodes) if (n.go?.exportName || n.lang === 'c') entries.push(n.id);
    const more = new Set<Package>();
    for (const id of reach(graph, entries, (e) => e.kind !== 'go').keys()) {
      const pkg = graph.nodes[id].pkg;
      if (pkg.goFiles.some((f) => f.facts.outline)) more.add(pkg);
    }
    if (more.size === 0) return index;
    for (const pkg of more) loadBodies(pkg, opts);
  }
}

