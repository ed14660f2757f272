// cgo-callback-recursion: Go → C → Go cycles keep g0 stack on every level (hazards.md facts 1–4).
import { cycleDepth } from '../graph/depth-bound';
import { assumptionText, cycleText, hopsAsRelated } from '../graph/evidence';
import { cycleThrough } from '../graph/paths';
import { stronglyConnected } from '../graph/scc';
import { goIntoC, type Edge } from '../graph/callgraph';
import { goroutineHopFix, recognizedHop } from '../fixes/goroutine-hop';
import { formatBytes, MEASURED_ON, type Rule } from './rule';

/** g0 bytes one Go→C→Go round trip keeps (fact 1). */
export const ROUND_TRIP_BYTES = 270;

export const cgoCallbackRecursion: Rule = {
  id: 'cgo-callback-recursion',
  title: 'Go↔C recursion without a safe depth bound',
  severity: 'error',
  doc: `A Go function that calls C, which calls back into an \`//export\`ed Go function, which calls C again, runs every C level on the thread's system stack (g0), and g0 never grows. Each Go→C→Go round trip keeps about ${ROUND_TRIP_BYTES} B of g0 plus the C function's own frame (${MEASURED_ON}). With cgo linked, g0 is RLIMIT_STACK: 8 MiB by default. A plain Go↔C recursion crashed after ~30,800 levels (C frame 0), ~6,500 (1 KiB locals), ~990 (8 KiB locals). The usual end is a silent SIGSEGV, exit 139, with nothing printed; \`runtime.LockOSThread\` or a new goroutine at the top does not help (same threshold).

The cycle is followed through C function pointers by the values that flow into them: a struct slot reaches only functions stored into that field of that struct type; a pointer whose functions escaped into untyped storage (\`void *\`, a library) reaches those of a compatible signature, said as an assumption. C++ lambdas, \`std::function\` and member calls by the object's class are followed too. A function handed to a library whose body is not in the workspace (\`qsort\`, a VM's host table) is assumed to be called by it, and the message says so.

Safe: a depth bound that flows around the cycle (\`if depth >= N { return }\` with \`depth+1\` passed on, in Go or in C, N a literal or a C \`#define\`, enum or \`const\`) small enough that bound × bytes per level fits the budget, or a \`go\` statement on the cycle.

Fix: every M levels (say 1,000), run the nested C call on a fresh goroutine and wait for it: the waiting goroutine's thread is locked inside the callback, so the new one runs on another thread with its own g0. Measured: 1 M and 3 M levels ran fine at ~2 µs and ~1 KB per level, with N/M + 3 threads (above 10,000 threads Go dies with \`thread exhaustion\`).`,
  before: `//export goVisit
func goVisit(n C.int) {
	C.visit(n + 1) // C calls goVisit again: no bound
}`,
  after: `//export goVisit
func goVisit(n C.int) {
	if n%1000 == 999 { // a fresh g0 every 1,000 levels
		done := make(chan struct{})
		go func() { defer close(done); C.visit(n + 1) }()
		<-done
		return
	}
	C.visit(n + 1)
}`,
  run(ctx) {
    const { graph } = ctx.index;
    const follow = (e: Edge) => e.kind !== 'go';
    const lang = (id: number) => graph.nodes[id].lang;
    // C calling Go, or the library calling back a Go export it was handed.
    const intoGo = (e: Edge) => lang(e.to) === 'go' && (lang(e.from) === 'c' || e.kind === 'assumed');
    for (const comp of stronglyConnected(graph, follow)) {
      if (!comp.some((id) => lang(id) === 'go')) continue;
      const members = new Set(comp);
      for (const id of comp) {
        for (const e of graph.out[id]) {
          if (!goIntoC(graph, e) || !members.has(e.to)) continue;
          const cycle = cycleThrough(graph, e, members, follow);
          if (!cycle.some(intoGo)) continue;
          const crossings = Math.max(1, cycle.filter(intoGo).length);
          const cBytes = cycle.reduce((sum, h) => sum + (graph.nodes[h.from].c?.frameBytes ?? 0), 0);
          const perLevel = crossings * ROUND_TRIP_BYTES + cBytes;
          const budget = ctx.config.stackBudgetBytes;
          const bound = cycleDepth(graph, cycle);
          if (bound === 'unknown' || (bound !== null && bound * perLevel <= budget)) continue;
          // The fix's own shape (a goroutine hop every N levels) bounds each g0 to N levels.
          const hop = recognizedHop(graph, e);
          if (hop !== null && hop * perLevel <= budget) continue;
          const fix = goroutineHopFix(graph, cycle, perLevel, budget);
          const trips = crossings === 1 ? `≈${ROUND_TRIP_BYTES} B for the Go→C→Go round trip` : `${crossings} Go→C→Go round trips × ≈${ROUND_TRIP_BYTES} B`;
          const perLevelText = `≈${perLevel.toLocaleString('en-US')} B of g0 stack per level (${trips} + ${cBytes.toLocaleString('en-US')} B of C frames)`;
          const message = bound === null
            ? `Go↔C recursion ${cycleText(graph, cycle)} has no depth bound: ${perLevelText}, so the ${formatBytes(budget)} g0 budget lasts ≈${Math.floor(budget / perLevel).toLocaleString('en-US')} levels; the usual end is a silent SIGSEGV (exit 139)`
            : `Go↔C recursion ${cycleText(graph, cycle)}: depth bound ${bound.toLocaleString('en-US')} × ${perLevelText} ≈ ${formatBytes(bound * perLevel)} exceeds the ${formatBytes(budget)} g0 budget`;
          ctx.report({
            rule: this.id, file: e.file, span: e.span, message: message + assumptionText(graph, cycle), related: hopsAsRelated(graph, cycle), fixes: fix ? [fix] : [],
            data: { bytesPerLevel: perLevel, depthBound: bound, budget, cycle: cycle.map((h) => graph.nodes[h.from].display) },
          });
        }
      }
    }
  },
};
