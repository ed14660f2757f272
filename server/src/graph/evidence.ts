// Turns graph edges into the related locations a finding carries: one per hop, worded by how the
// call crosses (Go→C, C→Go through //export or a function pointer, a linkname).
import type { Related } from '../findings/finding';
import type { CallGraph, Edge } from './callgraph';

const SIGNATURE = ' (assumed: matched by signature, its address escapes into untyped storage)';

export function hopMessage(graph: CallGraph, e: Edge): string {
  const from = graph.nodes[e.from].display, to = graph.nodes[e.to].display;
  switch (e.kind) {
    case 'cgo': return `${from} calls ${to} (Go → C)`;
    case 'export': return `${from} calls exported ${to} (C → Go)${e.bySignature ? SIGNATURE : ''}`;
    case 'pointer': return `${from} calls ${to} through a function pointer${e.bySignature ? SIGNATURE : ''}`;
    case 'linkname': return `${from} is ${to} (//go:linkname)`;
    case 'go': return `${from} starts ${to} on a new goroutine`;
    case 'assumed': return `${from} hands ${to} to ${e.via}, which is not in the workspace (assumed: the library may call what it is given)`;
    default: return e.byValue ? `${from} calls ${to} through the function value ${e.byValue}` : `${from} calls ${to}`;
  }
}

export function hopsAsRelated(graph: CallGraph, edges: Edge[]): Related[] {
  return edges.map((e) => ({ file: e.file, span: e.span, message: hopMessage(graph, e) }));
}

/** For a message whose path takes an assumed edge: says which call it assumes. */
export function assumptionText(graph: CallGraph, edges: Edge[]): string {
  const a = edges.find((e) => e.kind === 'assumed');
  if (a) return ` (assumed: ${a.via} may call ${graph.nodes[a.to].display}, which ${graph.nodes[a.from].display} hands it)`;
  const s = edges.find((e) => e.bySignature);
  return s ? ` (assumed: ${graph.nodes[s.from].display} calls ${graph.nodes[s.to].display} through a pointer of its signature)` : '';
}

/** `a → b → c → a` for messages. */
export function cycleText(graph: CallGraph, cycle: Edge[]): string {
  return [...cycle.map((e) => graph.nodes[e.from].display), graph.nodes[cycle[0].from].display].join(' → ');
}

export function pathText(graph: CallGraph, path: Edge[]): string {
  return path.length ? [graph.nodes[path[0].from].display, ...path.map((e) => graph.nodes[e.to].display)].join(' → ') : '';
}
