// g0-stack-growth: Go code on the system stack (g0) cannot grow its stack; recursion or a big frame
// there dies with `fatal: morestack on g0` (hazards.md fact 9).
import type { Edge } from '../graph/callgraph';
import { depthBound } from '../graph/depth-bound';
import { cycleText, hopsAsRelated } from '../graph/evidence';
import { g0Reach, reachedGo, witness } from '../graph/g0-reach';
import { cycleThrough } from '../graph/paths';
import { stronglyConnected } from '../graph/scc';
import { formatBytes, MEASURED_ON, type Rule } from './rule';

/** Local arrays from this size on leave too little of g0: about 5 KiB is usable from newproc1 (fact 9). */
export const G0_FRAME_BYTES = 4096;
/** The compiler moves explicitly declared variables over 10 MiB to the heap. */
const MAX_STACK_VAR_BYTES = 10 * 1024 * 1024;
/** Runtime functions that never return: a cycle through them runs once, it does not recurse. */
const NO_RETURN = new Set(['throw', 'fatal', 'fatalthrow', 'fatalpanic']);
const G0_SIZES = 'pure-Go programs have ~64 KiB of g0 on the main thread and 8 KiB on other threads, about 5 KiB of it usable from newproc1; with cgo linked, as in every -race build, g0 is RLIMIT_STACK';

export const g0StackGrowth: Rule = {
  id: 'g0-stack-growth',
  title: 'recursion or large frame in Go code on the system stack',
  severity: 'warning',
  doc: `Goroutine stacks grow; the system stack (g0) does not. Go code that runs there (hooks in \`runtime.newproc1\`, \`systemstack\` closures, \`//go:systemstack\` functions …) and recurses, or declares big local arrays, dies with \`fatal: morestack on g0\`. Measured sizes (${MEASURED_ON}): ~64 KiB of g0 on the main thread and 8 KiB on other threads in pure-Go programs, about 5 KiB usable from \`newproc1\`; RLIMIT_STACK when cgo is linked (every \`-race\` build links it).

Reported: every Go call cycle reachable from a root (a \`go\` statement ends the path), at its first call in source order; and a function whose local arrays of known size add up to ${formatBytes(G0_FRAME_BYTES)} or more, at the biggest one.

Fix: iterate instead of recursing, keep g0 code's locals small (a few hundred bytes), or move the work to a normal goroutine.`,
  before: `//go:norace
func copyTags(t *tag) *tag {
	if t == nil {
		return nil
	}
	return &tag{k: t.k, next: copyTags(t.next)} // one g0 frame per tag
}`,
  after: `//go:norace
func copyTags(t *tag) *tag {
	var head, tail *tag
	for ; t != nil; t = t.next { // constant g0 use
		n := &tag{k: t.k}
		if tail == nil { head = n } else { tail.next = n }
		tail = n
	}
	return head
}`,
  run(ctx) {
    const r = g0Reach(ctx.index, ctx.config);
    const { graph } = r;
    const noReturn = (id: number) => graph.nodes[id].pkg.name === 'runtime' && NO_RETURN.has(graph.nodes[id].go!.name) && !graph.nodes[id].go!.recv;
    const follow = (e: Edge) => (e.kind === 'call' || e.kind === 'linkname') && !!graph.nodes[e.from].go && !!graph.nodes[e.to].go && !noReturn(e.to);
    const reached = reachedGo(r).map((n) => n.id);
    for (const comp of stronglyConnected(graph, follow, reached)) {
      if (!r.via.has(comp[0])) continue;
      const members = new Set(comp);
      const internal = comp.flatMap((id) => graph.out[id].filter((e) => follow(e) && members.has(e.to)));
      internal.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.span.start - b.span.start));
      const first = internal[0];
      const cycle = cycleThrough(graph, first, members, follow);
      const w = witness(r, first.from);
      const bound = depthBound(graph, cycle);
      const bounded = bound === null ? 'no depth bound' : `a depth bound of ${bound.toLocaleString('en-US')} levels`;
      ctx.report({
        rule: this.id, file: first.file, span: first.span, related: [...w.related, ...hopsAsRelated(graph, cycle)],
        message: `Go recursion ${cycleText(graph, cycle)} on the system stack (g0) (${w.rootText}${w.viaText}) with ${bounded}: g0 never grows, so a deep enough recursion dies with fatal: morestack on g0 (${G0_SIZES}; ${MEASURED_ON})`,
        data: { root: w.root.display, cycle: cycle.map((e) => graph.nodes[e.from].display), depthBound: bound },
      });
    }
    for (const node of reachedGo(r)) {
      const arrays = node.go!.ops.filter((op) => op.kind === 'array' && op.bytes !== undefined && op.bytes <= MAX_STACK_VAR_BYTES);
      const total = arrays.reduce((sum, op) => sum + op.bytes!, 0);
      if (total < G0_FRAME_BYTES) continue;
      const big = arrays.reduce((a, b) => (b.bytes! > a.bytes! ? b : a));
      const w = witness(r, node.id);
      const all = arrays.length > 1 ? `; its local arrays add up to ${formatBytes(total)}` : '';
      ctx.report({
        rule: this.id, file: node.file, span: big.span, related: w.related,
        message: `local array ${big.detail} (${big.type}, ${formatBytes(big.bytes!)}) on the system stack (g0) in ${node.display}${all} (${w.rootText}${w.viaText}): g0 never grows and ${G0_SIZES}, so the frame can die with fatal: morestack on g0 (${MEASURED_ON})`,
        data: { root: w.root.display, bytes: total },
      });
    }
  },
};
