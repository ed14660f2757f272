// Builds the call graph (callgraph.ts) over loaded packages: one node per Go function and per C/C++
// function of the units cgo compiles, then the Go and the C/C++ resolvers add the edges.
import type { CFunc } from '../model/c-facts';
import { cachedFrameOf } from '../model/c-frames';
import { unitTypes } from '../model/c-types';
import type { CView } from '../model/c-units';
import type { GoFile, Package, SourceFile } from '../model/package';
import { listAt } from '../util/list-at';
import { CallGraph, type CNodeInfo, type PackageIndex, type WorkspaceIndex } from './callgraph';
import { resolveCCalls } from './resolve-c';
import { indexDeclarations } from './go-decls';
import { settleGoFacts } from './go-noreturn';
import { GoValues } from './go-values';
import { resolveGoCalls } from './resolve-go';

export function buildCallGraph(packages: Package[]): WorkspaceIndex {
  const graph = new CallGraph();
  const index: WorkspaceIndex = { graph, packages: new Map(), methods: new Map() };
  const all: PackageIndex[] = [];
  for (const pkg of packages) {
    const pi: PackageIndex = { pkg, goFuncs: new Map(), goNodeOf: new Map(), exports: new Map(), cFuncs: new Map(), cppFuncs: new Map(), cNodeOf: new Map(), methods: new Map() };
    all.push(pi);
    if (!index.packages.has(pkg.importPath)) index.packages.set(pkg.importPath, pi);
    for (const file of pkg.goFiles) addGoNodes(graph, pi, file, index);
    addCNodes(graph, pi);
  }
  for (const pi of all) indexDeclarations(pi.pkg);
  settleGoFacts(index);
  const values = (index.values = new GoValues(index));
  for (const pi of all) resolveGoCalls(index, pi, values);
  values.resolve();
  for (const pi of all) resolveCCalls(index, pi);
  graph.trim();
  return index;
}

function addGoNodes(graph: CallGraph, pi: PackageIndex, file: GoFile, index: WorkspaceIndex): void {
  for (const f of file.facts.funcs) {
    let key = f.key;
    if (pi.goFuncs.has(key)) key = `${key}#${file.path}:${f.span.start}`; // init, _ and duplicates
    // A literal's name is its parent's: given now, while the parent is at hand.
    const names = f.parent === undefined ? key : {
      qualified: `${pi.pkg.importPath}.${key}`,
      display: `${graph.nodes[pi.goNodeOf.get(file.facts.funcs[f.parent])!].display.replace(/ \(func literal\)$/, '')} (func literal)`,
    };
    const node = graph.addNode({ pkg: pi.pkg, file, go: f, c: undefined }, names);
    pi.goFuncs.set(key, node.id);
    pi.goNodeOf.set(f, node.id);
    if (f.exportName && f.parent === undefined && !f.recv) pi.exports.set(f.exportName, node.id);
    if (f.recv) {
      listAt(index.methods, f.name).push(node.id);
      const own = pi.methods.get(f.recv.type) ?? new Map<string, number>();
      pi.methods.set(f.recv.type, own);
      if (!own.has(f.name)) own.set(f.name, node.id);
    }
  }
}

/**
 * One node per function definition of the package's C views. A function read by two views of
 * the same file (a header included under different macros) is one node, compiled by both units.
 */
function addCNodes(graph: CallGraph, pi: PackageIndex): void {
  // Functions already added, per file by span: a second view of a header defines the same ones.
  const seenIn = new Map<SourceFile, Map<number, number>>();
  for (const view of pi.pkg.cViews) {
    const unit = view.units[0];
    const types = unitTypes(unit);
    let seen = seenIn.get(view.file);
    const firstView = !seen;
    if (!seen) seenIn.set(view.file, (seen = new Map()));
    for (const f of view.facts.funcs) {
      if (!f.name && f.role !== 'lambda') continue;
      const key = f.span.start * 2 ** 21 + (f.span.end - f.span.start);
      const old = firstView ? undefined : seen.get(key);
      if (old !== undefined) {
        pi.cNodeOf.set(f, old);
        const info = graph.nodes[old].c!;
        for (const u of view.units) if (!info.units.includes(u)) info.units.push(u);
        continue;
      }
      const frame = cachedFrameOf(f, types, unit.key);
      // A C++ definition takes C linkage from an earlier `extern "C"` declaration (the usual binding.h).
      const externC = f.externC || (view.lang === 'cpp' && !f.cls && !f.role && !f.qualified.includes('::') && types.externC.has(f.name));
      // The facts stay shared (the prototype), only what this unit says of them is added.
      const info: CNodeInfo = Object.assign(Object.create(f) as CFunc, { externC, frameBytes: frame.bytes, frameItems: frame.items, bounds: frame.bounds, view, units: [...view.units] });
      const node = graph.addNode(
        { pkg: pi.pkg, file: view.file, go: undefined, c: info },
        { qualified: qualifiedName(pi, view, info), display: displayName(graph, pi, view, info) },
      );
      seen.set(key, node.id);
      pi.cNodeOf.set(f, node.id);
      if (f.role === 'lambda') continue;
      if (externC || view.lang === 'c') listAt(pi.cFuncs, f.name).push(node.id);
      if (view.lang === 'cpp') listAt(pi.cppFuncs, f.qualified).push(node.id);
    }
  }
}

function qualifiedName(pi: PackageIndex, view: CView, f: CFunc): string {
  const local = f.isStatic || f.role === 'lambda' || (view.lang === 'cpp' && !f.externC);
  return `C:${pi.pkg.importPath}.${f.qualified}${local ? `@${view.file.path}:${f.span.start}` : ''}`;
}

function displayName(graph: CallGraph, pi: PackageIndex, view: CView, f: CFunc): string {
  if (f.role === 'lambda') {
    const parent = f.parent !== undefined ? pi.cNodeOf.get(view.facts.funcs[f.parent]) : undefined;
    return parent !== undefined ? `lambda in ${graph.nodes[parent].display}` : 'lambda';
  }
  return view.lang === 'cpp' && !f.externC ? f.qualified : `C.${f.name}`;
}
