// c-recursion: C functions compiled by cgo that recurse run on g0 (hazards.md fact 5).
import type { Edge } from '../graph/callgraph';
import { cycleDepth } from '../graph/depth-bound';
import { cOnG0 } from '../graph/c-scope';
import { assumptionText, cycleText, hopsAsRelated } from '../graph/evidence';
import { cycleThrough } from '../graph/paths';
import { stronglyConnected } from '../graph/scc';
import { formatBytes, MEASURED_ON, type Rule } from './rule';

/** glibc's guard page below a thread stack: a bigger frame can jump it. */
export const GUARD_PAGE_BYTES = 4096;

export const cRecursion: Rule = {
  id: 'c-recursion',
  title: 'recursion in C code that runs on the system stack',
  severity: 'warning',
  doc: `C code called through cgo runs on the thread's system stack (g0), which never grows. C recursion there has the fixed RLIMIT_STACK budget (8 MiB by default with cgo linked): 300 levels × 8 KiB were fine and 1,200 × 8 KiB crashed (${MEASURED_ON}). Frames over 4 KiB can jump glibc's single 4 KiB guard page (Debian's gcc has no stack-clash protection) and silently corrupt a neighbouring thread's stack instead of crashing. macOS secondary threads have only 512 KiB (documented, not measured here).

Reported for C and C++ that runs on a Go thread's g0 because of cgo: code reached from a Go→C call (directly, through function pointers, C++ methods and lambdas), or on a path that calls back into Go. C that cgo compiles but no Go call reaches is plain C on its own caller's stack, left to C tools. Only code the build compiles counts: the package's preambles and C/C++ files under their build constraints, what they \`#include\`, with \`#if\` branches decided by the unit's macros and \`#cgo\` flags.

Safe: a depth bound that flows around the cycle (\`if (depth >= N) return;\` with \`depth + 1\` passed on, N a literal, \`#define\`, enum or \`const\`, also as one term of \`a || depth >= N\`) small enough that bound × frame fits the budget; and a call on the cycle that cannot run again (a retry with a constant argument that fails its own condition, \`if (ctx == NULL) return init_ex(NULL)\` when the context comes back non-null, a re-entry flag set first).

Fix: bound the depth, or iterate with an explicit heap-allocated stack.`,
  before: `static int height(node *n) {
	if (!n) return 0;
	return 1 + max(height(n->left), height(n->right)); // unbounded
}`,
  after: `static int height(node *n, int depth) {
	if (depth >= 256) return -1; // bounded: 256 levels × frame fits g0
	...
}`,
  run(ctx) {
    const { graph } = ctx.index;
    const follow = (e: Edge) => (e.kind === 'call' || e.kind === 'pointer' || e.kind === 'assumed') && graph.nodes[e.from].lang === 'c' && graph.nodes[e.to].lang === 'c';
    const onG0 = cOnG0(graph);
    const cNodes = graph.nodes.filter((n) => n.lang === 'c' && onG0.has(n.id)).map((n) => n.id);
    for (const comp of stronglyConnected(graph, follow, cNodes)) {
      const members = new Set(comp);
      const internal = comp.flatMap((id) => graph.out[id].filter((e) => follow(e) && members.has(e.to)));
      internal.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.span.start - b.span.start));
      const budget = ctx.config.stackBudgetBytes;
      // The first cycle (in source order) whose depth is not bounded within the budget.
      let found: { first: Edge; cycle: Edge[]; perLevel: number; bound: number | null } | undefined;
      for (const first of internal) {
        const cycle = cycleThrough(graph, first, members, follow);
        const perLevel = cycle.reduce((sum, h) => sum + (graph.nodes[h.from].c?.frameBytes ?? 0), 0);
        const bound = cycleDepth(graph, cycle);
        if (bound === 'unknown' || (bound !== null && bound * perLevel <= budget)) continue;
        found = { first, cycle, perLevel, bound };
        break;
      }
      if (!found) continue;
      const { first, cycle, perLevel, bound } = found;
      const biggest = Math.max(...cycle.map((h) => graph.nodes[h.from].c?.frameBytes ?? 0));
      const guard = biggest > GUARD_PAGE_BYTES ? `; a ${formatBytes(biggest)} frame can jump the ${formatBytes(GUARD_PAGE_BYTES)} guard page and corrupt another thread's stack silently` : '';
      const message = bound === null
        ? `C recursion ${cycleText(graph, cycle)} has no depth bound: each level takes ≈${perLevel} B of the system stack, so the ${formatBytes(budget)} budget lasts ≈${Math.floor(budget / perLevel).toLocaleString('en-US')} levels${guard}`
        : `C recursion ${cycleText(graph, cycle)}: depth bound ${bound.toLocaleString('en-US')} × ≈${perLevel} B ≈ ${formatBytes(bound * perLevel)} exceeds the ${formatBytes(budget)} system-stack budget${guard}`;
      const assumed = assumptionText(graph, cycle);
      ctx.report({
        rule: this.id, file: first.file, span: first.span, message: message + assumed, related: hopsAsRelated(graph, cycle),
        data: { bytesPerLevel: perLevel, depthBound: bound, budget, cycle: cycle.map((h) => graph.nodes[h.from].display) },
      });
    }
  },
};
