// g0-missing-norace: race-instrumented Go functions that run on the system stack (g0) crash under
// -race at their first instruction (hazards.md fact 7). The fix is //go:norace on each of them.
import type { Fix, FixEdit } from '../findings/finding';
import type { FuncNode } from '../graph/callgraph';
import { g0Reach, reachedGo, witness } from '../graph/g0-reach';
import { neverInstrumented } from '../graph/never-instrumented';
import { MEASURED_ON, type Rule } from './rule';

export const g0MissingNorace: Rule = {
  id: 'g0-missing-norace',
  title: 'race-instrumented function runs on the system stack',
  severity: 'error',
  doc: `Code reached from the runtime's system stack (g0) — a hook injected into \`runtime.newproc1\` or \`goexit0\`, a \`systemstack\` closure, a function marked \`//go:systemstack\` or \`//g0guard:systemstack\`, or a \`systemStackRoots\` entry — runs with g0's race context, which is zero. Under \`go build -race\` every instrumented function calls \`__tsan_func_enter\` on entry and the process dies with \`SIGSEGV addr=0x10\`; the traceback names no user function (${MEASURED_ON}).

\`//go:norace\` exempts the function's own body only, so every function on the path needs it. Packages the race detector never instruments (\`runtime\`, \`runtime/internal/*\`, \`internal/abi\` …, and any \`package runtime\`) are not flagged. Function literals cannot take the directive: \`g0-race-op\` reports them. Calls through a \`go\` statement run on a new goroutine and end the path.

Fix: add \`//go:norace\` above the function (the quick fix can add it to every function on the path), and keep maps, channels and \`sync\` out of it (\`g0-map-use\`, \`g0-race-op\`).`,
  before: `func (c *spanCtx) Snapshot() interface{} { // called from runtime.newproc1
	return &spanCtx{id: c.id}
}`,
  after: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	return &spanCtx{id: c.id}
}`,
  run(ctx) {
    const r = g0Reach(ctx.index, ctx.config, true);
    for (const node of reachedGo(r)) {
      if (!needsNorace(node)) continue;
      const w = witness(r, node.id);
      const fixes: Fix[] = [{ title: `Add //go:norace to ${node.display}`, edits: [noraceEdit(node)], preferred: true }];
      const onPath = [w.root, ...w.path.map((e) => r.graph.nodes[e.to])].filter(needsNorace);
      if (onPath.length > 1) fixes.push({ title: `Add //go:norace to the ${onPath.length} functions on the path from ${w.root.display}`, edits: onPath.map(noraceEdit) });
      ctx.report({
        rule: this.id, file: node.file, span: node.nameSpan, related: w.related, fixes,
        message: `${node.display} runs on the system stack (g0) without //go:norace (${w.rootText}${w.viaText}): under -race its entry calls __tsan_func_enter with g0's zero race context and the process dies with SIGSEGV addr=0x10, naming no user function (${MEASURED_ON})`,
        data: { root: w.root.display, path: [w.root.display, ...w.path.map((e) => r.graph.nodes[e.to].display)] },
      });
    }
  },
};

/** A declared, instrumented Go function with a body and no //go:norace. */
function needsNorace(n: FuncNode): boolean {
  const f = n.go;
  return !!f && f.parent === undefined && f.hasBody && !f.directives.includes('go:norace') && !neverInstrumented(n.pkg);
}

/** `//go:norace` on its own line right above `func`, below the doc comment and other directives. */
export function noraceEdit(n: FuncNode): FixEdit {
  const text = n.file.text;
  const at = n.go!.directiveAt;
  const indent = /^[ \t]*/.exec(text.slice(at, n.span.start))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { file: n.file, span: { start: at, end: at }, newText: `${indent}//go:norace${eol}` };
}
