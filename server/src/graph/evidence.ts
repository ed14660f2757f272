// Turns graph edges into the related locations a finding carries: one per hop, worded by how the
// call crosses (Go→C, C→Go through //export or a function pointer, a linkname).
import type { Related } from '../findings/finding';
import type { CallGraph, Edge } from './callgraph';

export function hopMessage(graph: CallGraph, e: Edge): string {
  const from = graph.nodes[e.from].display, to = graph.nodes[e.to].display;
  switch (e.kind) {
    case 'cgo': return `${from} calls ${to} (Go → C)`;
    case 'export': return `${from} calls exported ${to} (C → Go)`;
    case 'pointer': return `${from} calls ${to} through a function pointer`;
    case 'linkname': return `${from} is ${to} (//go:linkname)`;
    case 'go': return `${from} starts ${to} on a new goroutine`;
    default: return `${from} calls ${to}`;
  }
}

export function hopsAsRelated(graph: CallGraph, edges: Edge[]): Related[] {
  return edges.map((e) => ({ file: e.file, span: e.span, message: hopMessage(graph, e) }));
}

/** `a → b → c → a` for messages. */
export function cycleText(graph: CallGraph, cycle: Edge[]): string {
  return [...cycle.map((e) => graph.nodes[e.from].display), graph.nodes[cycle[0].from].display].join(' → ');
}

export function pathText(graph: CallGraph, path: Edge[]): string {
  return path.length ? [graph.nodes[path[0].from].display, ...path.map((e) => graph.nodes[e.to].display)].join(' → ') : '';
}
