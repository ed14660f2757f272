// Strongly connected components (Tarjan, iterative: Go's own src has call chains deep enough to
// overflow a recursive version). A component with a cycle is where recursion lives.
import type { CallGraph, Edge } from './callgraph';

export function stronglyConnected(graph: CallGraph, follow: (e: Edge) => boolean, nodes?: Iterable<number>): number[][] {
  const n = graph.nodes.length;
  const index = new Int32Array(n).fill(-1), low = new Int32Array(n), onStack = new Uint8Array(n);
  const stack: number[] = [], result: number[][] = [];
  let counter = 0;
  const start = nodes ? [...nodes] : Array.from({ length: n }, (_, i) => i);
  for (const root of start) {
    if (index[root] !== -1) continue;
    const work: { v: number; i: number }[] = [{ v: root, i: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root); onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      const edges = graph.out[top.v];
      if (top.i < edges.length) {
        const e = edges[top.i++];
        if (!follow(e)) continue;
        const w = e.to;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w); onStack[w] = 1;
          work.push({ v: w, i: 0 });
        } else if (onStack[w]) low[top.v] = Math.min(low[top.v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].v] = Math.min(low[work[work.length - 1].v], low[top.v]);
      if (low[top.v] === index[top.v]) {
        const comp: number[] = [];
        let w: number;
        do { w = stack.pop()!; onStack[w] = 0; comp.push(w); } while (w !== top.v);
        const cyclic = comp.length > 1 || graph.out[top.v].some((e) => e.to === top.v && follow(e));
        if (cyclic) result.push(comp.sort((a, b) => a - b));
      }
    }
  }
  return result;
}
