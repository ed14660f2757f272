// g0-race-op: operations measured to crash on the system stack (g0) under -race even inside a
// //go:norace function (hazards.md fact 7), and defers that are fatal there without -race too.
import { g0Reach, reachedGo, witness } from '../graph/g0-reach';
import { raceOps } from '../graph/g0-race-ops';
import { MEASURED_ON, type Rule } from './rule';

export const g0RaceOp: Rule = {
  id: 'g0-race-op',
  title: 'race-hooked operation on the system stack',
  severity: 'error',
  doc: `Some operations call the race detector no matter what the function says: on the system stack (g0), whose race context is zero, they crash under \`go build -race\` even inside a \`//go:norace\` function (${MEASURED_ON}):
- channel send, \`close\`, a receive that gets a value or sees a closed channel (\`range\` over a channel too), a \`select\` send case even when the select falls to \`default\`;
- every \`sync/atomic\` call and \`atomic.Value\` (and the typed atomics); \`sync.Mutex\`, \`RWMutex\`, \`Once.Do\`, \`WaitGroup.Add/Done/Wait\`, \`sync.Map\`, \`Pool.Get/Put\`, \`Cond.Signal/Broadcast\`;
- calls into race-instrumented packages outside the workspace (\`fmt.Sprintf\`, \`strings.Index\`, \`strconv.Itoa\`, \`time.Now\` …), which cannot take \`//go:norace\`; a callee the compiler inlines is spared (\`strings.HasPrefix\` survived), which g0guard cannot see;
- function literals, which never inherit \`//go:norace\`;
- an interface call that can reach a \`//go:norace\` method with a value receiver: the compiler-made pointer wrapper is instrumented.

And, with or without \`-race\`: a \`defer\` the compiler cannot open-code (in a loop, more than 8 in a function, or returns × defers over 15) is \`fatal error: defer on system stack\`.

Safe on g0 (measured): \`append\`, \`copy\`, string conversions, \`new\`/\`make\`/\`&T{}\`, an empty non-blocking receive, a pointer-receiver method through an interface, one \`defer\` of a \`//go:norace\` function. Not reported: a call whose target cannot be told from a conversion (\`pkg.Name(x)\` used as a value), and methods of types from outside the workspace (\`(*strings.Builder).WriteString\` crashed too). The measurements beyond fact 7 are in docs/measurements/g0-race-ops.

Fix: move the operation off g0 (hand the value to a normal goroutine through a preallocated buffer the runtime already synchronizes), give declared \`//go:norace\` functions pointer receivers, and replace literals with declared functions.`,
  before: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	c.mu.Lock() // sync.Mutex on g0
	defer c.mu.Unlock()
	return &spanCtx{id: c.id}
}`,
  after: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	return &spanCtx{id: c.id} // c is immutable once published
}`,
  run(ctx) {
    const r = g0Reach(ctx.index, ctx.config, true);
    for (const node of reachedGo(r)) {
      const ops = raceOps(ctx.index, node);
      if (ops.length === 0) continue;
      const w = witness(r, node.id);
      for (const op of ops) {
        const effect = op.withoutRace
          ? 'on g0 it is fatal error: defer on system stack, with or without -race'
          : 'under -race it calls the race detector with g0\'s zero race context and the process crashes, //go:norace or not';
        ctx.report({
          rule: this.id, file: node.file, span: op.span, related: w.related,
          message: `${op.what} on the system stack (g0) in ${node.display} (${w.rootText}${w.viaText}): ${effect} (${MEASURED_ON})`,
          data: { root: w.root.display, withoutRace: !!op.withoutRace },
        });
      }
    }
  },
};
