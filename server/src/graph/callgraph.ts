// The cross-language call graph: the data only (build-graph.ts builds it, resolve-*.ts find the
// edges). Nodes are Go functions (closures included) and C/C++ functions (lambdas included);
// edges say how control crosses: Go→Go, Go→C (`C.f`), C→C, C→Go (an //export name, directly or
// through a function pointer), `go` statements (a fresh goroutine: a different stack), //go:linkname,
// and calls a library not in the workspace is assumed to make with what it is given.
// Calls that cannot be resolved are counted, never guessed.
import type { CFunc } from '../model/c-facts';
import type { CBound, FrameItem } from '../model/c-frames';
import type { CUnit, CView } from '../model/c-units';
import type { ArgFlow, GoFunc, Span } from '../model/facts';
import type { Package, SourceFile } from '../model/package';
import type { GoValues } from './go-values';
import { flatString } from '../util/flat-string';

export type EdgeKind = 'call' | 'go' | 'cgo' | 'export' | 'pointer' | 'linkname' | 'assumed';

/** A C or C++ function with what its unit says of it: frame, depth bounds, where it was read. */
export interface CNodeInfo extends CFunc {
  frameBytes: number;
  frameItems: FrameItem[];
  bounds: CBound[];
  view: CView;
  /** The units that compile it (a static inline function of a header: each that includes it). */
  units: CUnit[];
}

export interface FuncNode {
  id: number;
  lang: 'go' | 'c';
  /** `import/path.Func`, `import/path.Type.Method`, `C:import/path.name`. */
  qualified: string;
  /** What messages show: `pkg.Func`, `(*T).M`, `C.walk`, `Node::count`. */
  display: string;
  pkg: Package;
  file: SourceFile;
  span: Span;
  nameSpan: Span;
  go?: GoFunc;
  c?: CNodeInfo;
  cpp: boolean;
}

/** Names given when the node is made: a C or C++ function's, a func literal's. */
export interface NodeNames { qualified: string; display: string }

/**
 * A node whose names are made when asked for from its Go function, unless given. What its function
 * holds (span, language) is read from it, not copied: a big file has a node for each of 100,000 functions.
 */
class GraphNode implements FuncNode {
  constructor(
    readonly id: number, private readonly names: NodeNames | string, readonly pkg: Package, readonly file: SourceFile,
    public go: GoFunc | undefined, readonly c: CNodeInfo | undefined,
  ) {}

  get lang(): 'go' | 'c' { return this.go ? 'go' : 'c'; }
  get span(): Span { return (this.go ?? this.c!).span; }
  get nameSpan(): Span {
    const f = this.go;
    if (!f) return this.c!.nameSpan;
    // A literal is named after its parent (or not at all, at package level): its range is its own.
    if (f.parent !== undefined || f.name === '') return f.span;
    const start = f.span.start + f.nameOffset;
    return { start, end: start + f.name.length };
  }
  get cpp(): boolean { return this.c?.view.lang === 'cpp'; }

  get qualified(): string {
    return typeof this.names === 'string' ? `${this.pkg.importPath}.${this.names}` : this.names.qualified;
  }

  get display(): string {
    if (typeof this.names !== 'string') return this.names.display;
    const f = this.go!;
    return f.recv ? `(${f.recv.pointer ? '*' : ''}${f.recv.type}).${f.name}` : `${this.pkg.name}.${f.name}`;
  }
}

export interface Edge {
  from: number; to: number; kind: EdgeKind; file: SourceFile; span: Span; args: (ArgFlow | null)[];
  /** Set when a Go call went through an interface (value-receiver wrappers matter on g0). */
  viaInterface?: boolean;
  /** A Go call through a function value: what held it (`hooks[…]`, `s.onDone`). */
  byValue?: string;
  /** For `assumed` edges: the library function the value was given to. */
  via?: string;
  /** A call through a pointer matched by signature alone: the function's address escaped (cast to `void *`, given to a library). */
  bySignature?: boolean;
}

/** How a call site was read: Go calls of a function, a concrete method, an interface method or a function value; Go→C; C/C++ calls by name, of a method, or through a pointer. */
export type SiteKind = 'go-function' | 'go-method' | 'go-interface' | 'go-value' | 'cgo' | 'c-function' | 'c-method' | 'c-pointer';
/** Per kind: sites with targets, sites with none in the workspace (counted, never guessed), sites resolved only by an assumption. */
export type SiteCounts = Record<SiteKind, { resolved: number; unresolved: number; assumed: number }>;

export interface GraphStats {
  edges: Record<EdgeKind, number>;
  unresolved: number;
  external: number;
  /** Calls through a function pointer resolved by the values that flow into it, or by a compatible signature. */
  pointerResolved: number;
  sites: SiteCounts;
}

const NO_EDGES: Edge[] = Object.freeze([]) as unknown as Edge[];
/**
 * A list pushed to keeps 16 spare slots or more, and most nodes have a few edges: a shorter list is
 * copied one longer instead (concat makes it exactly as long). 100,000 functions of a big file
 * held 12 MB of spare slots until trim().
 */
const COPIED_UNDER = 8;

function withEdge(list: Edge[], e: Edge): Edge[] {
  if (list.length < COPIED_UNDER) return list.concat(e);
  list.push(e);
  return list;
}

export class CallGraph {
  readonly nodes: FuncNode[] = [];
  readonly out: Edge[][] = [];
  readonly in: Edge[][] = [];
  private qualifiedIndex?: Map<string, number>;
  /** C functions (and exports) whose address Go code keeps and passes on in Go (runtime.SetCgoTraceback …). */
  readonly heldByGo = new Set<number>();
  readonly stats: GraphStats = {
    edges: { call: 0, go: 0, cgo: 0, export: 0, pointer: 0, linkname: 0, assumed: 0 }, unresolved: 0, external: 0, pointerResolved: 0,
    sites: Object.fromEntries((['go-function', 'go-method', 'go-interface', 'go-value', 'cgo', 'c-function', 'c-method', 'c-pointer'] as SiteKind[]).map((k) => [k, { resolved: 0, unresolved: 0, assumed: 0 }])) as SiteCounts,
  };

  /** Counts a call site; an unresolved one also counts in `unresolved`. */
  site(kind: SiteKind, outcome: 'resolved' | 'unresolved' | 'assumed'): void {
    this.stats.sites[kind][outcome]++;
    if (outcome === 'unresolved') this.stats.unresolved++;
  }

  /**
   * Adds a node, numbered. `names` are its names, or for a Go function (not a literal) the key
   * it has in its package: its names are then made when asked for (most never are).
   */
  addNode(n: Pick<FuncNode, 'pkg' | 'file' | 'go' | 'c'>, names: NodeNames | string): FuncNode {
    const node = new GraphNode(this.nodes.length, typeof names === 'string' ? names : { qualified: flatString(names.qualified), display: flatString(names.display) },
      n.pkg, n.file, n.go, n.c);
    this.nodes.push(node);
    this.out.push(NO_EDGES);
    this.in.push(NO_EDGES);
    if (this.qualifiedIndex && !this.qualifiedIndex.has(node.qualified)) this.qualifiedIndex.set(node.qualified, node.id);
    return node;
  }

  /** The node named `qualified` (the first, for duplicates); the index is made on the first call. */
  byQualified(qualified: string): number | undefined {
    if (!this.qualifiedIndex) {
      this.qualifiedIndex = new Map();
      for (const n of this.nodes) if (!this.qualifiedIndex.has(n.qualified)) this.qualifiedIndex.set(n.qualified, n.id);
    }
    return this.qualifiedIndex.get(qualified);
  }

  /** Once the graph is built: drops the room the lists that were pushed to keep to grow in. */
  trim(): void {
    const trimmed = (list: Edge[]) => (list.length >= COPIED_UNDER ? list.slice() : list);
    for (let i = 0; i < this.out.length; i++) {
      this.out[i] = trimmed(this.out[i]);
      this.in[i] = trimmed(this.in[i]);
    }
  }

  addEdge(e: Edge): void {
    this.out[e.from] = withEdge(this.out[e.from], e);
    this.in[e.to] = withEdge(this.in[e.to], e);
    this.stats.edges[e.kind]++;
  }
}

/** Go calling C (`C.f`), or handing a C library a function it may call back. */
export function goIntoC(graph: CallGraph, e: Edge): boolean {
  return graph.nodes[e.from].lang === 'go' && (e.kind === 'cgo' || e.kind === 'assumed');
}

/** Per-package lookups the resolvers share. */
export interface PackageIndex {
  pkg: Package;
  goFuncs: Map<string, number>;
  goNodeOf: Map<GoFunc, number>;
  exports: Map<string, number>;
  /** C-linkage functions (C, and C++ declared extern "C") by name. */
  cFuncs: Map<string, number[]>;
  /** C++ functions by qualified name (`ns::Class::method`), overloads together. */
  cppFuncs: Map<string, number[]>;
  cNodeOf: Map<CFunc, number>;
  /** Receiver type → method name → node. */
  methods: Map<string, Map<string, number>>;
}

export interface WorkspaceIndex {
  graph: CallGraph;
  packages: Map<string, PackageIndex>;
  /** Method name → nodes (interface calls start from these, go-method-sets.ts). */
  methods: Map<string, number[]>;
  /** Function values on the Go side (go-values.ts). */
  values?: GoValues;
}
