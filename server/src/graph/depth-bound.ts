// A depth bound is a guard `if p >= N { return }` on a parameter whose value travels around the
// cycle growing by a constant (p+1 into the next call, and so on back to the guarded function).
// Then the recursion stops after about N / growth levels; anything else is unbounded. A C guard
// whose limit the unit cannot evaluate (a macro of an unread header) bounds it by an unknown number.
import type { CallGraph, Edge } from './callgraph';
import { cycleCannotRepeat } from './value-bound';

/** How deep a cycle can go: its depth bound, or one level when a call on it cannot run again. */
export function cycleDepth(graph: CallGraph, cycle: Edge[]): number | 'unknown' | null {
  return cycleCannotRepeat(graph, cycle) ? 1 : depthBound(graph, cycle);
}

export function depthBound(graph: CallGraph, cycle: Edge[]): number | 'unknown' | null {
  let best: number | 'unknown' | null = null;
  for (let start = 0; start < cycle.length; start++) {
    const node = graph.nodes[cycle[start].from];
    const guards = node.go?.guards ?? node.c?.bounds ?? [];
    for (const g of guards) {
      let param = g.param, delta = 0, ok = true;
      for (let k = 0; k < cycle.length && ok; k++) {
        const e = cycle[(start + k) % cycle.length];
        const arg = e.args.findIndex((a) => a !== null && a.param === param);
        if (arg < 0) ok = false;
        else { delta += e.args[arg]!.delta; param = arg; }
      }
      if (!ok || param !== g.param || delta <= 0) continue;
      if (g.limit === null) { best ??= 'unknown'; continue; }
      const levels = Math.ceil(g.limit / delta);
      best = best === null || best === 'unknown' ? levels : Math.min(best, levels);
    }
  }
  return best;
}
