// Shortest witness paths: from roots to a function (g0 reachability, export → panic) and the
// shortest cycle through an edge. Evidence is a list of edges a reader can follow hop by hop.
import type { CallGraph, Edge } from './callgraph';

/** Breadth-first search from `sources`; returns, for each reached node, the edge it was reached by. */
export function reach(graph: CallGraph, sources: number[], follow: (e: Edge) => boolean): Map<number, Edge | null> {
  const via = new Map<number, Edge | null>();
  const queue: number[] = [];
  for (const s of sources) if (!via.has(s)) { via.set(s, null); queue.push(s); }
  for (let head = 0; head < queue.length; head++) {
    for (const e of graph.out[queue[head]]) {
      if (via.has(e.to) || !follow(e)) continue;
      via.set(e.to, e);
      queue.push(e.to);
    }
  }
  return via;
}

/** The edges from a source to `target` recorded by reach(). */
export function pathTo(via: Map<number, Edge | null>, target: number): Edge[] {
  const path: Edge[] = [];
  for (let e = via.get(target); e; e = via.get(e.from)) path.unshift(e);
  return path;
}

/** The shortest cycle that starts with `first` and stays inside `allowed`. */
export function cycleThrough(graph: CallGraph, first: Edge, allowed: Set<number>, follow: (e: Edge) => boolean): Edge[] {
  if (first.to === first.from) return [first];
  const via = reach(graph, [first.to], (e) => follow(e) && allowed.has(e.to));
  return via.has(first.from) ? [first, ...pathTo(via, first.from)] : [first];
}
