// g0-panic: any panic on the system stack (g0) is fatal, recover or not (hazards.md fact 8).
import { g0Reach, reachedGo, witness } from '../graph/g0-reach';
import { MEASURED_ON, type Rule } from './rule';

export const g0Panic: Rule = {
  id: 'g0-panic',
  title: 'panic on the system stack',
  severity: 'error',
  doc: `A \`panic\` (or \`log.Panic*\`) in code that runs on the system stack (g0) is \`fatal error: panic on system stack\`: the process dies even when a deferred \`recover()\` is waiting (${MEASURED_ON}). Implicit run-time panics (nil dereference, index out of range, failed type assertion) are just as fatal there but are not reported.

Fix: return an error value or a zero result instead, and let the caller on a normal goroutine decide; in runtime code, \`throw\` says plainly that the process ends.`,
  before: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	if c == nil {
		panic("nil span context") // fatal on g0
	}
	return &spanCtx{id: c.id}
}`,
  after: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	if c == nil {
		return nil // the new goroutine starts without a span
	}
	return &spanCtx{id: c.id}
}`,
  run(ctx) {
    const r = g0Reach(ctx.index, ctx.config);
    for (const node of reachedGo(r)) {
      const panics = node.go!.panics;
      if (panics.length === 0) continue;
      const w = witness(r, node.id);
      for (const p of panics) {
        ctx.report({
          rule: this.id, file: node.file, span: p.span, related: w.related,
          message: `${p.what} on the system stack (g0) in ${node.display} (${w.rootText}${w.viaText}) is fatal error: panic on system stack, even under a deferred recover (${MEASURED_ON})`,
          data: { root: w.root.display, panic: p.what },
        });
      }
    }
  },
};
