// The cross-language call graph. Nodes are Go functions (closures included) and C functions;
// edges say how control crosses: Go→Go, Go→C (`C.f`), C→C, C→Go (an //export name, directly or
// through a function pointer), `go` statements (a fresh goroutine: a different stack), and
// //go:linkname. Calls that cannot be resolved are counted, never guessed.
import type { ArgFlow, CFunc, GoFunc, Span } from '../model/facts';
import type { CFile, GoFile, Package, SourceFile } from '../model/package';
import { indexDeclarations, resolveGoCalls } from './resolve-go';
import { resolveCCalls } from './resolve-c';
import { listAt } from '../util/list-at';

export type EdgeKind = 'call' | 'go' | 'cgo' | 'export' | 'pointer' | 'linkname';

export interface FuncNode {
  id: number;
  lang: 'go' | 'c';
  /** `import/path.Func`, `import/path.Type.Method`, `C:import/path.name`. */
  qualified: string;
  /** What messages show: `pkg.Func`, `(*T).M`, `C.walk`. */
  display: string;
  pkg: Package;
  file: SourceFile;
  span: Span;
  nameSpan: Span;
  go?: GoFunc;
  c?: CFunc;
  cpp: boolean;
}

export interface Edge {
  from: number; to: number; kind: EdgeKind; file: SourceFile; span: Span; args: (ArgFlow | null)[];
  /** Set when a Go call went through an interface (value-receiver wrappers matter on g0). */
  viaInterface?: boolean;
}

export interface GraphStats { edges: Record<EdgeKind, number>; unresolved: number; external: number }

export class CallGraph {
  readonly nodes: FuncNode[] = [];
  readonly out: Edge[][] = [];
  readonly in: Edge[][] = [];
  readonly byQualified = new Map<string, number>();
  readonly stats: GraphStats = { edges: { call: 0, go: 0, cgo: 0, export: 0, pointer: 0, linkname: 0 }, unresolved: 0, external: 0 };

  /** Takes `n` (a fresh object) as the node, numbered. */
  addNode(n: Omit<FuncNode, 'id'>): FuncNode {
    const node = Object.assign(n, { id: this.nodes.length }) as FuncNode;
    this.nodes.push(node);
    this.out.push([]);
    this.in.push([]);
    if (!this.byQualified.has(node.qualified)) this.byQualified.set(node.qualified, node.id);
    return node;
  }

  addEdge(e: Edge): void {
    this.out[e.from].push(e);
    this.in[e.to].push(e);
    this.stats.edges[e.kind]++;
  }
}

/** Per-package lookups the resolvers share. */
export interface PackageIndex {
  pkg: Package;
  goFuncs: Map<string, number>;
  goNodeOf: Map<GoFunc, number>;
  exports: Map<string, number>;
  cFuncs: Map<string, number[]>;
  cNodeOf: Map<CFunc, number>;
}

export interface WorkspaceIndex {
  graph: CallGraph;
  packages: Map<string, PackageIndex>;
  /** Method name → nodes, for interface calls (every workspace method of that name and arity). */
  methods: Map<string, number[]>;
}

export function buildCallGraph(packages: Package[]): WorkspaceIndex {
  const graph = new CallGraph();
  const index: WorkspaceIndex = { graph, packages: new Map(), methods: new Map() };
  const all: PackageIndex[] = [];
  for (const pkg of packages) {
    const pi: PackageIndex = { pkg, goFuncs: new Map(), goNodeOf: new Map(), exports: new Map(), cFuncs: new Map(), cNodeOf: new Map() };
    all.push(pi);
    if (!index.packages.has(pkg.importPath)) index.packages.set(pkg.importPath, pi);
    for (const file of pkg.goFiles) addGoNodes(graph, pi, file, index);
    for (const file of pkg.goFiles) if (file.facts.preamble) for (const f of file.facts.preamble.funcs) addCNode(graph, pi, file, f, false);
    for (const file of pkg.cFiles) for (const f of file.facts.funcs) addCNode(graph, pi, file, f, (file as CFile).cpp);
  }
  for (const pi of all) indexDeclarations(pi.pkg);
  for (const pi of all) {
    resolveGoCalls(index, pi);
    resolveCCalls(index, pi);
  }
  return index;
}

function addGoNodes(graph: CallGraph, pi: PackageIndex, file: GoFile, index: WorkspaceIndex): void {
  const short = pi.pkg.name;
  for (const f of file.facts.funcs) {
    let key = f.key;
    if (pi.goFuncs.has(key)) key = `${key}#${file.path}:${f.span.start}`; // init, _ and duplicates
    const display = f.parent !== undefined ? `${graph.nodes[pi.goNodeOf.get(file.facts.funcs[f.parent])!].display.replace(/ \(func literal\)$/, '')} (func literal)`
      : f.recv ? `(${f.recv.pointer ? '*' : ''}${f.recv.type}).${f.name}` : `${short}.${f.name}`;
    const node = graph.addNode({ lang: 'go', qualified: `${pi.pkg.importPath}.${key}`, display, pkg: pi.pkg, file, span: f.span, nameSpan: f.nameSpan, go: f, cpp: false });
    pi.goFuncs.set(key, node.id);
    pi.goNodeOf.set(f, node.id);
    if (f.exportName && f.parent === undefined && !f.recv) pi.exports.set(f.exportName, node.id);
    if (f.recv) listAt(index.methods, f.name).push(node.id);
  }
}

function addCNode(graph: CallGraph, pi: PackageIndex, file: SourceFile, f: CFunc, cpp: boolean): void {
  if (!f.name) return;
  const node = graph.addNode({
    lang: 'c', qualified: `C:${pi.pkg.importPath}.${f.name}${f.isStatic ? `@${file.path}` : ''}`, display: `C.${f.name}`,
    pkg: pi.pkg, file, span: f.span, nameSpan: f.nameSpan, c: f, cpp,
  });
  listAt(pi.cFuncs, f.name).push(node.id);
  pi.cNodeOf.set(f, node.id);
}
