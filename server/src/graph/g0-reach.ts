// Where code runs on the system stack (g0): the roots of hazards.md ("Where g0 code starts") and
// everything the call graph reaches from them along any edge but `go` (a new goroutine has its own
// stack). Computed once per analysis and shared by the five g0-* rules; each reached function keeps
// its shortest path from a root as evidence.
import type { Config } from '../config/config';
import type { Related } from '../findings/finding';
import type { GoFile, Package } from '../model/package';
import type { CallGraph, Edge, FuncNode, WorkspaceIndex } from './callgraph';
import { hopsAsRelated, pathText } from './evidence';
import { boundLocally } from './g0-types';
import { pathTo, reach } from './paths';

/** Runtime functions known to run on g0 (when declared in package runtime). */
const RUNTIME_G0 = new Set([
  'newproc1', 'goexit0', 'park_m', 'gosched_m', 'gopreempt_m', 'preemptPark', 'goyield_m', 'exitsyscall0',
  'schedule', 'execute', 'findRunnable', 'findrunnable', 'mexit', 'mstart1',
]);
const SWITCHERS = new Set(['systemstack', 'mcall']);
/**
 * Runtime functions that give g0 a race context for the calls they make (runOneTimer sets
 * `getg().racectx` to the P's timer context around the timer's function): what they call is
 * still on g0, but the race detector has a context there.
 */
const RACE_CONTEXT_SETTERS = new Set(['runOneTimer']);

export interface G0Reach {
  graph: CallGraph;
  /** Root node → why it runs on g0. */
  roots: Map<number, string>;
  /** Every reached node → the edge it was first reached by (null for a root). */
  via: Map<number, Edge | null>;
}

export interface G0Witness {
  root: FuncNode;
  /** Edges root → … → the function. */
  path: Edge[];
  /** `root runtime.newproc1, which the runtime runs on g0`, for messages. */
  rootText: string;
  /** `; path a → b → c`, or '' for the root itself. */
  viaText: string;
  /** The root's location and every hop, for `related`. */
  related: Related[];
}

const cache = new WeakMap<WorkspaceIndex, Map<string, G0Reach>>();

/** `forRace`: for the race rules, what runs under a race context a runtime function set up is left out. */
export function g0Reach(index: WorkspaceIndex, config: Config, forRace = false): G0Reach {
  const key = `${forRace}\n${config.systemStackRoots.join('\n')}`;
  let byKey = cache.get(index);
  if (!byKey) cache.set(index, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const { graph } = index;
  const setsContext = (n: FuncNode) => n.pkg.name === 'runtime' && !!n.go && RACE_CONTEXT_SETTERS.has(n.go.key);
  const all = forRace ? g0Reach(index, config) : undefined;
  // Most workspaces never reach such a function: then the race rules' reach is the same.
  if (all && ![...all.via.keys()].some((id) => setsContext(graph.nodes[id]))) { byKey.set(key, all); return all; }
  const roots = all?.roots ?? findRoots(index, config);
  const via = reach(graph, [...roots.keys()].sort((a, b) => a - b), (e) => e.kind !== 'go' && !(forRace && setsContext(graph.nodes[e.from])));
  const result: G0Reach = { graph, roots, via };
  byKey.set(key, result);
  return result;
}

export function witness(r: G0Reach, node: number): G0Witness {
  const path = pathTo(r.via, node);
  const root = r.graph.nodes[path.length ? path[0].from : node];
  const rootText = `root ${root.display}, ${r.roots.get(root.id)}`;
  return {
    root, path, rootText,
    viaText: path.length ? `; path ${pathText(r.graph, path)}` : '',
    related: [{ file: root.file, span: root.nameSpan, message: `root ${root.display}: ${r.roots.get(root.id)}` }, ...hopsAsRelated(r.graph, path)],
  };
}

/** Reached Go functions in node order (deterministic across backends). */
export function reachedGo(r: G0Reach): FuncNode[] {
  return [...r.via.keys()].sort((a, b) => a - b).map((id) => r.graph.nodes[id]).filter((n) => n.go);
}

export function findRoots(index: WorkspaceIndex, config: Config): Map<number, string> {
  const { graph } = index;
  const roots = new Map<number, string>();
  const add = (id: number | undefined, why: string) => { if (id !== undefined && !roots.has(id)) roots.set(id, why); };
  const literalAt = new Map<string, number>();
  for (const n of graph.nodes) if (n.go?.parent !== undefined) literalAt.set(`${n.file.path}:${n.span.start}`, n.id);
  const switchers = new Map<Package, Set<string>>();
  for (const n of graph.nodes) {
    const f = n.go;
    if (!f) continue;
    if (f.directives.includes('go:systemstack')) add(n.id, 'marked //go:systemstack');
    if (f.directives.includes('g0guard:systemstack')) add(n.id, 'marked //g0guard:systemstack');
    if (n.pkg.name === 'runtime' && !f.recv && f.parent === undefined && RUNTIME_G0.has(f.name)) add(n.id, 'which the runtime runs on g0');
    for (const op of f.ops) {
      if (op.kind !== 'stack-switch' || !stackSwitcher(n.pkg, switchers).has(op.detail!) || isLocalName(n, op.detail!)) continue;
      const literal = literalAt.get(`${n.file.path}:${op.span.start}`);
      if (literal !== undefined) add(literal, `a func literal passed to ${op.detail}`);
      else if (op.ref?.kind === 'ident' && !isLocalName(n, op.ref.name)) add(ownFunction(index, n, op.ref.name), `passed to ${op.detail}`);
    }
  }
  for (const q of config.systemStackRoots) {
    const direct = graph.byQualified(q);
    if (direct !== undefined) { add(direct, 'listed in systemStackRoots'); continue; }
    for (const n of graph.nodes) if (n.go && n.go.parent === undefined && `${n.pkg.name}.${n.go.key}` === q) add(n.id, 'listed in systemStackRoots');
  }
  return roots;
}

/** The top-level function of n's package with this name. */
function ownFunction(index: WorkspaceIndex, n: FuncNode, name: string): number | undefined {
  const pi = index.packages.get(n.pkg.importPath);
  return pi?.pkg === n.pkg ? pi.goFuncs.get(name) : undefined;
}

/** Names that are runtime.systemstack/mcall in this package: runtime's own, or pulled by //go:linkname. */
function stackSwitcher(pkg: Package, memo: Map<Package, Set<string>>): Set<string> {
  let names = memo.get(pkg);
  if (names) return names;
  names = new Set(pkg.name === 'runtime' ? SWITCHERS : []);
  for (const file of pkg.goFiles) {
    for (const ln of file.facts.linknames) if (SWITCHERS.has(ln.local) && ln.target === `runtime.${ln.local}`) names.add(ln.local);
  }
  memo.set(pkg, names);
  return names;
}

function isLocalName(n: FuncNode, name: string): boolean {
  return boundLocally((n.file as GoFile).facts.funcs, n.go!, name);
}
