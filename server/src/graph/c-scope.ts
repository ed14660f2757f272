// Which C and C++ functions run on a Go thread's system stack (g0) because of cgo: those reached
// from Go (a `C.f` call, a function Go hands a library, a C function pointer Go keeps and passes
// on) along C-side calls, and those on a path that calls back into Go. Other C in the package is
// plain C on whatever stack its own caller has: c-large-frame and c-recursion leave it to C tools.
import type { CallGraph, Edge } from './callgraph';
import { reach } from './paths';

const cache = new WeakMap<CallGraph, Set<number>>();

export function cOnG0(graph: CallGraph): Set<number> {
  let hit = cache.get(graph);
  if (hit) return hit;
  const isC = (id: number) => graph.nodes[id].lang === 'c';
  const cSide = (e: Edge) => e.kind !== 'go' && isC(e.from) && isC(e.to);
  const seeds = new Set<number>();
  for (const n of graph.nodes) {
    if (n.lang !== 'go') continue;
    for (const e of graph.out[n.id]) if ((e.kind === 'cgo' || e.kind === 'assumed') && isC(e.to)) seeds.add(e.to);
  }
  for (const id of graph.heldByGo) if (isC(id)) seeds.add(id);
  hit = new Set(reach(graph, [...seeds], cSide).keys());
  // Backwards from the C functions that call Go.
  const callsGo: number[] = [];
  for (const n of graph.nodes) if (n.lang === 'c' && graph.out[n.id].some((e) => e.kind !== 'go' && !isC(e.to))) callsGo.push(n.id);
  const queue = [...callsGo];
  for (const id of queue) hit.add(id);
  for (let head = 0; head < queue.length; head++) {
    for (const e of graph.in[queue[head]]) {
      if (!cSide(e) || hit.has(e.from)) continue;
      hit.add(e.from);
      queue.push(e.from);
    }
  }
  cache.set(graph, hit);
  return hit;
}
