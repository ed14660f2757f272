// Fix for cgo-callback-recursion (hazards.md fact 4): every N levels, run the nested C call on a
// fresh goroutine and wait for it. The waiting goroutine's thread stays locked inside the callback,
// so the new one runs on another thread with its own g0. Also recognises the code it writes, so the
// rule can clear a cycle that hops often enough.
import type { Fix, FixEdit } from '../findings/finding';
import { goIntoC, type CallGraph, type Edge } from '../graph/callgraph';
import type { GoFile } from '../model/package';
import { afterImports, eolOf, freshName, importEdit, indentAt, mentions, simpleStatementAround } from './go-source';

/** Levels between hops: fact 4 measured M = 1,000; fewer when a level's frames are large. */
const INTERVALS = [1000, 500, 250, 100, 50, 25, 10];
const INTEGER = /^(u?int(8|16|32|64)?|uintptr|C\.(u?(char|short|int|long|longlong)|s?char|size_t|u?int(8|16|32|64)_t))$/;

/** The largest interval whose levels fit half the budget (room for the rest of the thread's stack). */
export function hopInterval(bytesPerLevel: number, budget: number): number | undefined {
  return INTERVALS.find((n) => n * bytesPerLevel <= budget / 2);
}

/**
 * The fix for the cycle's first edge (a Go `C.f(...)` call, or one that hands a C library a
 * function that calls back into Go): wraps the statement around the call in the every-N-levels hop
 * (a `return` computes its results on the goroutine). Uses a parameter that changes by one per
 * level as the level counter when the cycle carries one, else a package-level atomic counter.
 * Calls in conditions or `:=` declarations get no fix.
 */
export function goroutineHopFix(graph: CallGraph, cycle: Edge[], bytesPerLevel: number, budget: number): Fix | undefined {
  const e = cycle[0];
  const caller = graph.nodes[e.from];
  const f = caller.go;
  const n = hopInterval(bytesPerLevel, budget);
  if (!f || n === undefined || !goIntoC(graph, e)) return undefined;
  const file = e.file as GoFile;
  const text = file.text;
  const stmt = simpleStatementAround(text, e.span);
  if (!stmt || (stmt.returns !== undefined && (f.results.length === 0 || f.results.some((r) => !r.type)))) return undefined;

  const eol = eolOf(text);
  const indent = indentAt(text, e.span.start);
  const body = text.slice(f.span.start, f.span.end);
  const edits: FixEdit[] = [];
  const counter = levelParam(graph, cycle);
  let cond: string;
  if (counter) {
    cond = `${counter}%${n} == ${n - 1}`;
  } else {
    const atomic = atomicImport(file);
    if (atomic === null) return undefined;
    const at = afterImports(file);
    if (at === undefined) return undefined;
    const levels = `g0guardLevels${(f.key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^./, (c) => c.toUpperCase()))}`;
    if (atomic === undefined) {
      const imp = importEdit(file, 'sync/atomic');
      if (!imp) return undefined;
      edits.push({ file, span: { start: imp.at, end: imp.at }, newText: imp.text });
    }
    if (!(levels in file.facts.vars)) {
      edits.push({ file, span: { start: at, end: at }, newText: `${eol}${eol}// ${levels} counts ${f.name}'s nested C calls: every ${n.toLocaleString('en-US')}th runs on a fresh goroutine (g0guard).${eol}var ${levels} uint64` });
    }
    cond = `${atomic ?? 'atomic'}.AddUint64(&${levels}, 1)%${n} == 0`;
  }
  const done = freshName(body, 'done');
  const lines = [`if ${cond} { // a fresh goroutine, thread and g0 stack every ${n.toLocaleString('en-US')} levels (g0guard)`];
  if (stmt.returns !== undefined) {
    // The results are computed on the goroutine into variables of the function's result types.
    const names: string[] = [];
    while (names.length < f.results.length) names.push(freshName(body + ' ' + names.join(' '), names.length ? `r${names.length + 1}` : 'r'));
    lines.push(...f.results.map((r, i) => `\tvar ${names[i]} ${r.type.replace(/^\.\.\./, '[]')}`), `\t${done} := make(chan struct{})`,
      `\tgo func() { defer close(${done}); ${names.join(', ')} = ${stmt.returns} }()`, `\t<-${done}`, `\treturn ${names.join(', ')}`, '}', stmt.text);
  } else {
    lines.push(`\t${done} := make(chan struct{})`, `\tgo func() { defer close(${done}); ${stmt.text} }()`, `\t<-${done}`, '} else {', `\t${stmt.text}`, '}');
  }
  edits.push({ file, span: { start: stmt.start, end: stmt.end }, newText: lines.map((l, i) => (i === 0 ? l : indent + l)).join(eol) });
  return { title: `Run ${graph.nodes[e.to].display} on a fresh goroutine every ${n.toLocaleString('en-US')} levels (a new g0 stack)`, preferred: true, edits };
}

/**
 * Levels between hops when `edge`'s caller already runs the same C function on a fresh goroutine
 * under a `x%N == K` condition (what goroutineHopFix writes), else null.
 */
export function recognizedHop(graph: CallGraph, edge: Edge): number | null {
  const caller = graph.nodes[edge.from];
  if (!caller.go || !goIntoC(graph, edge)) return null;
  const hops = graph.out[edge.from].some((g) => g.kind === 'go' && graph.out[g.to].some((c) => c.kind === edge.kind && c.to === edge.to));
  if (!hops) return null;
  const body = caller.file.text.slice(caller.go.span.start, caller.go.span.end);
  let best: number | null = null;
  for (const m of body.matchAll(/%\s*(\d+)\s*==\s*\d+\s*\{/g)) best = Math.max(best ?? 0, Number(m[1]));
  return best;
}

/** A parameter of the cycle's Go caller that comes back around the cycle changed by exactly one. */
function levelParam(graph: CallGraph, cycle: Edge[]): string | undefined {
  const f = graph.nodes[cycle[0].from].go!;
  for (let p = 0; p < f.params.length; p++) {
    const { name, type } = f.params[p];
    if (!name || name === '_' || !INTEGER.test(type)) continue;
    let param = p, delta = 0, ok = true;
    for (const e of cycle) {
      const arg = e.args.findIndex((a) => a !== null && a.param === param);
      if (arg < 0) { ok = false; break; }
      delta += e.args[arg]!.delta;
      param = arg;
    }
    if (ok && param === p && Math.abs(delta) === 1) return name;
  }
  return undefined;
}

/** Files whose text declares something named `atomic` (checked once per text: fixes are built on every check). */
const declaresAtomic = new Map<string, { text: string; yes: boolean }>();

/** The local name of sync/atomic: undefined when not imported, null when it cannot be (imported as _ or ., or the name is taken). */
function atomicImport(file: GoFile): string | undefined | null {
  const imp = file.facts.imports.find((i) => i.path === 'sync/atomic');
  if (imp) return imp.name === '_' || imp.name === '.' ? null : imp.name ?? 'atomic';
  let hit = declaresAtomic.get(file.path);
  if (hit?.text !== file.text) {
    hit = { text: file.text, yes: mentions(file.text, 'atomic') && /\batomic\s*(:=|,)|\b(var|const|func|type)\s+atomic\b|[(,]\s*atomic\s+[\w*[]/.test(file.text) };
    declaresAtomic.set(file.path, hit);
  }
  return hit.yes ? null : undefined;
}
