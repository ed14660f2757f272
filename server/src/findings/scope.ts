// Which packages need their function bodies read. Findings only come from cgo's C and from what
// //export functions and system-stack roots reach, so a big tree is read as an outline and only
// these packages in full: the seeds below, what the runtime imports or links to, and (to a
// fixpoint) every package a reached call lands in, or that imports (or linknames into) a package
// whose fields, variables or parameters reached code calls through (unless more than MAX_FILLERS do).
// On Go's own src that is a few dozen of 517 packages.
import type { Config } from '../config/config';
import { buildCallGraph } from '../graph/build-graph';
import type { WorkspaceIndex } from '../graph/callgraph';
import { findRoots } from '../graph/g0-reach';
import { reach } from '../graph/paths';
import type { LinknameDirective } from '../model/facts';
import { withBodies, type LoadOptions, type Package } from '../model/package';

/**
 * Read in full at once: cgo packages (`import "C"`), runtime code (roots hide in closures passed
 * to systemstack), and packages that linkname systemstack or mcall. Roots marked by directives or
 * configuration, and linknames, are on the outline: the fixpoint below reads their bodies.
 */
const SEED_TEXT = /^\s*(?:import\s+)?"C"\s*(?:\/\/.*)?$|^package runtime\b|\/\/go:linkname\s+\w+\s+runtime\.(?:systemstack|mcall)\b/m;

/** The words SEED_TEXT needs, unanchored: a test for them first spares most files the slower expression. */
const SEED_WORDS = /"C"|package runtime|runtime\.(?:systemstack|mcall)/;

export function isSeedPackage(texts: string[]): boolean {
  return texts.some((t) => SEED_WORDS.test(t) && SEED_TEXT.test(t));
}

/**
 * Outline packages that the runtime package imports, or whose bodies it declares through
 * //go:linkname: what it calls on the system stack lives there (atomics, sys, bytealg), so they
 * are read before the first graph rather than found by it, which would cost a graph more.
 */
function calledByRuntime(packages: Package[]): Set<Package> {
  const wanted = new Set<string>();
  for (const pkg of packages) {
    if (pkg.importPath !== 'runtime') continue;
    for (const f of pkg.goFiles) {
      if (f.isTest) continue;
      for (const i of f.facts.imports) wanted.add(i.path);
      const bodyless = new Set(f.facts.funcs.filter((fn) => !fn.hasBody).map((fn) => fn.name));
      for (const l of f.facts.linknames) if (bodyless.has(l.local)) wanted.add(targetPackage(l));
    }
  }
  return new Set(packages.filter((p) => wanted.has(p.importPath) && p.goFiles.some((f) => f.facts.outline)));
}

/** The packages after the fixpoint, outlines replaced by copies with bodies, and the graph over them. */
export interface Scoped { packages: Package[]; index: WorkspaceIndex }

/** Above this many importers, a package's holders are filled only by what is read anyway. */
const MAX_FILLERS = 16;

function importsOrLinks(facts: Package['goFiles'][number]['facts'], path: string): boolean {
  return facts.imports.some((i) => i.path === path) || facts.linknames.some((l) => targetPackage(l) === path);
}

/** The import path a //go:linkname target lives in (`runtime.nanotime` → `runtime`). */
function targetPackage(l: LinknameDirective): string {
  return l.target.slice(0, l.target.lastIndexOf('.'));
}

/** Reads bodies where needed (the given packages are not changed) and builds the call graph. */
export function scopeAndBuild(packages: Package[], config: Config, opts: LoadOptions): Scoped {
  let more = calledByRuntime(packages);
  let current = packages;
  // Each graph is complete (function values too); the loop ends on one that asks for nothing more.
  // Measured on real trees, a cheaper first graph only to find bodies costs more than it saves.
  for (;;) {
    current = more.size ? current.map((p) => (more.has(p) ? withBodies(p, opts) : p)) : current;
    const index = buildCallGraph(current);
    const { graph } = index;
    const entries = [...findRoots(index, config).keys()];
    for (const n of graph.nodes) if (n.go?.exportName || n.lang === 'c') entries.push(n.id);
    more = new Set<Package>();
    const reached = reach(graph, entries, (e) => e.kind !== 'go');
    for (const id of reached.keys()) {
      const pkg = graph.nodes[id].pkg;
      if (pkg.goFiles.some((f) => f.facts.outline)) more.add(pkg);
    }
    // Functions that reached code calls through a field, a package variable or a parameter can be
    // put there by any package that imports the holder's: read those too.
    for (const path of index.values?.packagesFilledFromOutside((id) => reached.has(id)) ?? []) {
      const fillers = current.filter((p) => p.goFiles.some((f) => f.facts.outline) && p.goFiles.some((f) => importsOrLinks(f.facts, path)));
      // A package most of the tree imports (runtime) would mean reading the whole tree: not done.
      if (fillers.length <= MAX_FILLERS) for (const p of fillers) more.add(p);
    }
    if (more.size === 0) return { packages: current, index };
  }
}
