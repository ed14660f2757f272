// export-panic: a panic that leaves an //export function unwinds through the C frames that called
// it, or kills the process on a C-created thread (hazards.md fact 6).
import type { CallGraph, Edge, FuncNode, WorkspaceIndex } from '../graph/callgraph';
import { hopsAsRelated, pathText } from '../graph/evidence';
import { pathTo, reach } from '../graph/paths';
import { staticCallee } from '../graph/go-expr-types';
import type { GoFile } from '../model/package';
import { recoverGuardFix } from '../fixes/recover-guard';
import { MEASURED_ON, type Rule } from './rule';

export const exportPanic: Rule = {
  id: 'export-panic',
  title: 'panic can leave an exported Go function into C',
  severity: 'warning',
  doc: `A panic in an \`//export\`ed function called from C on a Go thread unwinds through the C frames: the Go caller's defers run and its \`recover()\` works, but the C code after the callback is skipped, and C++ destructors and \`catch(...)\` do not run, so locks stay held and memory leaks (${MEASURED_ON}). On a thread created by C (\`pthread_create\`) the same panic is fatal.

When the C caller is C++, the unwinding skips its destructors (RAII locks stay held) and its \`try\`/\`catch (...)\`, which never sees a Go panic; the message names the C++ function.

Cleared only by a \`defer\` at the top level of the exported function whose deferred function calls \`recover()\` directly and does not panic again; a \`recover()\` one call deeper returns nil, and a deferred function that re-panics what it does not expect lets that panic through. A callee with its own such guard does not pass its panic on; a panic on a goroutine started with \`go\` does not leave the export. Implicit run-time panics (nil dereference, index, type assertion) are not flagged.

Fix: start the exported function with a deferred recover that turns the panic into its zero (or named) results and an error code C can check.`,
  before: `//export goParse
func goParse(p *C.char) C.int {
	return C.int(mustParse(C.GoString(p))) // mustParse panics
}`,
  after: `//export goParse
func goParse(p *C.char) (rc C.int) {
	defer func() {
		if r := recover(); r != nil {
			rc = -1
		}
	}()
	return C.int(mustParse(C.GoString(p)))
}`,
  run(ctx) {
    const { graph } = ctx.index;
    const guarded = (n: FuncNode) => !!n.go && hasRecoverGuard(ctx.index, n);
    // Panics travel along every edge but `go`, and stop at a function with its own guard.
    const follow = (e: Edge) => e.kind !== 'go' && !guarded(graph.nodes[e.to]);
    const cThreadExports = exportsOnCThreads(graph);
    for (const node of graph.nodes) {
      const f = node.go;
      if (!f?.exportName || f.parent !== undefined || f.recv || guarded(node)) continue;
      // Behind a recover that panics again, what leaves the export is that second panic.
      const repanic = repanickingRecover(ctx.index, node);
      const via = reach(graph, [repanic ?? node.id], follow);
      let target: FuncNode | undefined;
      for (const id of via.keys()) if (graph.nodes[id].go?.panics.length) { target = graph.nodes[id]; break; }
      if (!target) continue;
      const path = pathTo(via, target.id);
      const site = target.go!.panics[0];
      const line = (target.file as GoFile).lines.position(site.span.start).line + 1;
      const where = `${site.what} at ${pathBase(target.file.path)}:${line}${path.length ? `, via ${pathText(graph, path)}` : ''}`;
      const cppCaller = graph.in[node.id].map((e) => graph.nodes[e.from]).find((n) => n.cpp);
      const thread = cThreadExports.get(node.id);
      let message = `exported function ${f.name} can panic (${where}${repanic !== undefined ? ', in its deferred recover, which panics again' : ''}): the panic unwinds through the C frames that called it and skips the C code after the call`;
      if (cppCaller) message += `; C++ destructors and catch(...) in ${cppCaller.display} do not run (locks stay held, memory leaks)`;
      if (thread) message += `; it is called on a C-created thread (pthread_create start routine ${thread}), where the panic is fatal`;
      const fix = recoverGuardFix(node);
      const severity = ctx.config.rules[this.id] as 'error' | 'warning' | 'information' | undefined ?? (thread ? 'error' : this.severity);
      ctx.report({
        rule: this.id, severity, file: node.file, span: node.nameSpan, message, fixes: fix ? [fix] : [],
        related: [...hopsAsRelated(graph, path), { file: target.file, span: site.span, message: `${site.what} in ${target.display}` }],
        data: { export: f.name, panicAt: `${pathBase(target.file.path)}:${line}`, cThread: !!thread, cppCaller: cppCaller?.display ?? null },
      });
    }
  },
};

function pathBase(p: string): string {
  return p.split(/[\\/]/).pop()!;
}

/**
 * A deferred call at the top of the body whose function calls recover() directly and does not
 * panic again: one that re-panics (always, or for values it does not expect) lets that panic out.
 */
export function hasRecoverGuard(index: WorkspaceIndex, node: FuncNode): boolean {
  return deferredRecovers(index, node).some((id) => index.graph.nodes[id].go!.panics.length === 0);
}

/** The deferred function that recovers and then panics again, when no other deferred recover guards the export. */
function repanickingRecover(index: WorkspaceIndex, node: FuncNode): number | undefined {
  return deferredRecovers(index, node).find((id) => index.graph.nodes[id].go!.panics.length > 0);
}

/** Functions deferred at the top of the body that call recover() directly. */
function deferredRecovers(index: WorkspaceIndex, node: FuncNode): number[] {
  const file = node.file as GoFile;
  const pi = index.packages.get(node.pkg.importPath);
  const scope = { pkg: node.pkg, file, f: node.go! };
  const ids = node.go!.topDefers.map((callee) => {
    if (callee.kind === 'literal') return pi?.goNodeOf.get(file.facts.funcs[callee.literal]);
    if (callee.kind === 'ident') return staticCallee(index, scope, callee);
    // `defer handlers.Recover()`, `defer s.recoverPanic()`: a package's function or a method.
    return callee.kind === 'selector' ? staticCallee(index, scope, { kind: 'field', base: callee.base, name: callee.name }) : undefined;
  });
  return ids.filter((id): id is number => id !== undefined && !!index.graph.nodes[id].go?.callsRecover);
}

/** Exports reachable from a pthread_create start routine, with that routine's name. */
function exportsOnCThreads(graph: CallGraph): Map<number, string> {
  const out = new Map<number, string>();
  for (const node of graph.nodes) {
    for (const start of node.c?.threadStarts ?? []) {
      const roots = graph.nodes.filter((n) => n.c && n.c.name === start && n.pkg === node.pkg).map((n) => n.id);
      for (const id of reach(graph, roots, (e) => e.kind !== 'go').keys()) {
        if (graph.nodes[id].go?.exportName && !out.has(id)) out.set(id, start);
      }
    }
  }
  return out;
}
