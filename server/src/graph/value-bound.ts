// Recursion that cannot repeat: a call on a cycle that runs only under a condition the next round
// cannot meet. `if (prio == REALTIME) return create(…, NORMAL, …)` recurses once; so does
// `if (ctx == NULL) return init_ex(NULL, …)` when init_ex calls back with a non-null context, and
// `if (!loaded) load_defaults()` when load_defaults sets `loaded = true` first. Values are followed
// around the cycle from argument to parameter: constants, non-null pointers (`&x`, a variable
// checked against NULL), and parameters passed on with a constant added. A local in a condition
// is judged by the assignments that can still run with those parameter values.
import type { CAtom, CClause } from '../model/c-facts';
import { constSize } from '../model/c-sizes';
import { unitTypes } from '../model/c-types';
import type { CallGraph, CNodeInfo, Edge } from './callgraph';

type Value = { kind: 'const'; value: number } | { kind: 'nonnull' } | { kind: 'param'; index: number; delta: number } | { kind: 'unknown' };
const UNKNOWN: Value = { kind: 'unknown' };

/** Whether some call of the cycle cannot run again once the cycle has gone round. */
export function cycleCannotRepeat(graph: CallGraph, cycle: Edge[]): boolean {
  const fns = cycle.map((e) => graph.nodes[e.from].c);
  if (fns.some((c) => !c)) return false;
  for (let start = 0; start < cycle.length; start++) {
    const clauses = callOf(graph, cycle[start])?.when;
    if (!clauses?.length) continue;
    let values: Value[] = fns[start]!.params.map((_, index) => ({ kind: 'param', index, delta: 0 }));
    for (let k = 0; k < cycle.length && values; k++) {
      const e = cycle[(start + k) % cycle.length];
      const callee = graph.nodes[e.to].c;
      if (!callee) { values = []; break; }
      const current = values;
      values = callee.params.map((_, i) => argValue(graph, e, i, current));
    }
    const entry: Entry = { fn: fns[start]!, values, cycle: fns as CNodeInfo[] };
    if (clauses.some((c) => clauseFails(c, entry, 0))) return true;
  }
  return false;
}

/** A function entered again: with these parameter values, on this cycle. */
interface Entry { fn: CNodeInfo; values: Value[]; cycle: CNodeInfo[] }

function callOf(graph: CallGraph, e: Edge) {
  return graph.nodes[e.from].c?.calls.find((c) => c.span.start === e.span.start && c.span.end === e.span.end);
}

function argValue(graph: CallGraph, e: Edge, i: number, current: Value[]): Value {
  const caller = graph.nodes[e.from].c!;
  const call = callOf(graph, e);
  if (!call) return UNKNOWN;
  const flow = call.argFlows[i];
  if (flow) {
    const v = current[flow.param] ?? UNKNOWN;
    if (v.kind === 'const') return { kind: 'const', value: v.value + flow.delta };
    if (v.kind === 'param') return { kind: 'param', index: v.index, delta: v.delta + flow.delta };
    return flow.delta === 0 ? v : UNKNOWN;
  }
  const arg = call.args[i];
  if (arg && (arg.kind === 'addr' || (arg.kind === 'literal' && arg.type === 'char*'))) return { kind: 'nonnull' };
  if (arg?.kind === 'name' && call.when?.some((c) => c.length === 1 && c[0].name === arg.name && isNonNullTest(c[0], caller))) return { kind: 'nonnull' };
  const text = call.argTexts?.[i];
  const c = text ? constant(text, caller, true) : null;
  return c === null ? UNKNOWN : { kind: 'const', value: c };
}

function isNonNullTest(a: CAtom, fn: CNodeInfo): boolean {
  return (a.op === '!=' || a.op === '>') && constant(a.value, fn) === 0;
}

/**
 * A constant in `fn`'s unit; with `local`, its parameters and locals make it no constant, unless
 * `known` gives their values (parameters entered with constants).
 */
function constant(text: string, fn: CNodeInfo, local = false, known?: Map<string, string>): number | null {
  const types = unitTypes(fn.view.units[0]);
  const variables = local ? new Map<string, string>([...fn.params.map((p) => [p.name, p.type] as [string, string]), ...fn.locals.map((l) => [l.name, l.type] as [string, string])]) : undefined;
  if (variables && known) for (const k of known.keys()) variables.delete(k);
  const v = constSize(text, { types, variables, constLocals: known });
  return v.kind === 'known' ? v.value : null;
}

/** A clause fails when every one of its atoms is false. */
function clauseFails(clause: CClause, entry: Entry, depth: number): boolean {
  return clause.every((a) => atomFalse(a, entry, depth));
}

function atomFalse(a: CAtom, entry: Entry, depth: number): boolean {
  const { fn, values } = entry;
  const known = new Map<string, string>();
  fn.params.forEach((x, i) => { const v = values[i]; if (v?.kind === 'const') known.set(x.name, String(v.value)); });
  const limit = constant(a.value, fn, true, known);
  if (limit === null) return false;
  const p = fn.params.findIndex((x) => x.name === a.name);
  if (p >= 0) return valueFails(values[p] ?? UNKNOWN, a.op, limit);
  if (fn.locals.some((l) => l.name === a.name)) return localFails(a, limit, entry, known, depth);
  // A flag no parameter or local shadows: set to a constant at the top of a function on the cycle.
  const set = entry.cycle.flatMap((c) => c.sets).find((s) => s.name === a.name);
  const now = set ? constant(set.value, fn) : null;
  return now !== null && !holds(now, a.op, limit);
}

function valueFails(v: Value, op: CAtom['op'], limit: number): boolean {
  if (v.kind === 'const') return !holds(v.value, op, limit);
  if (v.kind === 'nonnull') return limit === 0 && (op === '==' || op === '<=');
  return false;
}

/**
 * A local makes the atom false when every assignment to it that can still run gives a value that
 * does, and nothing else writes it (its address is never taken).
 */
function localFails(a: CAtom, limit: number, entry: Entry, known: Map<string, string>, depth: number): boolean {
  const { fn } = entry;
  if (depth > 2) return false;
  const local = fn.locals.find((l) => l.name === a.name)!;
  if (local.init) return false; // an initializer's value is not kept as text: unknown
  if (fn.calls.some((c) => c.args.some((x) => x.kind === 'addr' && x.base.kind === 'name' && x.base.name === a.name))) return false;
  const writes = fn.flows.filter((f) => f.to.kind === 'name' && f.to.name === a.name);
  if (writes.length === 0) return false;
  for (const w of writes) {
    if (w.when?.some((c) => clauseFails(c, entry, depth + 1))) continue; // cannot run this round
    const v = w.valueText === undefined ? null : constant(w.valueText, fn, true, known);
    if (v === null || holds(v, a.op, limit)) return false;
  }
  return true;
}

function holds(x: number, op: CAtom['op'], k: number): boolean {
  switch (op) {
    case '==': return x === k;
    case '!=': return x !== k;
    case '<': return x < k;
    case '<=': return x <= k;
    case '>': return x > k;
    case '>=': return x >= k;
  }
}
