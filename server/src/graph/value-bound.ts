// Recursion that cannot repeat: a call on a cycle that runs only under a condition the next round
// cannot meet. `if (prio == REALTIME) return create(…, NORMAL, …)` recurses once; so does
// `if (ctx == NULL) return init_ex(NULL, …)` when init_ex calls back with a non-null context, and
// `if (!loaded) load_defaults()` when load_defaults sets `loaded = true` first. Values are followed
// around the cycle from argument to parameter: constants, non-null pointers (`&x`, a variable
// checked against NULL), and parameters passed on with a constant added.
import type { CAtom } from '../model/c-facts';
import { constSize } from '../model/c-sizes';
import { unitTypes } from '../model/c-types';
import type { CallGraph, CNodeInfo, Edge } from './callgraph';

type Value = { kind: 'const'; value: number } | { kind: 'nonnull' } | { kind: 'param'; index: number; delta: number } | { kind: 'unknown' };
const UNKNOWN: Value = { kind: 'unknown' };

/** Whether some call of the cycle cannot run again once the cycle has gone round. */
export function cycleCannotRepeat(graph: CallGraph, cycle: Edge[]): boolean {
  const cNodes = cycle.map((e) => graph.nodes[e.from].c);
  if (cNodes.some((c) => !c)) return false;
  for (let start = 0; start < cycle.length; start++) {
    const atoms = callOf(graph, cycle[start])?.when;
    if (!atoms?.length) continue;
    const first = cNodes[start]!;
    let values: Value[] = first.params.map((_, index) => ({ kind: 'param', index, delta: 0 }));
    for (let k = 0; k < cycle.length; k++) {
      const e = cycle[(start + k) % cycle.length];
      const callee = graph.nodes[e.to].c;
      if (!callee) { values = []; break; }
      values = callee.params.map((_, i) => argValue(graph, e, i, values));
    }
    if (atoms.some((a) => falsified(a, first, values, cNodes as CNodeInfo[]))) return true;
  }
  return false;
}

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
  if (arg?.kind === 'name' && call.when?.some((a) => a.name === arg.name && isNonNullTest(a, caller))) return { kind: 'nonnull' };
  const text = call.argTexts?.[i];
  const c = text ? constant(text, caller, true) : null;
  return c === null ? UNKNOWN : { kind: 'const', value: c };
}

function isNonNullTest(a: CAtom, fn: CNodeInfo): boolean {
  return (a.op === '!=' && constant(a.value, fn) === 0) || (a.op === '>' && constant(a.value, fn) === 0);
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

/** Whether the atom is false when `fn` is entered again with `values`. */
function falsified(a: CAtom, fn: CNodeInfo, values: Value[], cycle: CNodeInfo[]): boolean {
  const p = fn.params.findIndex((x) => x.name === a.name);
  const known = new Map<string, string>();
  fn.params.forEach((x, i) => { const v = values[i]; if (v?.kind === 'const') known.set(x.name, String(v.value)); });
  const limit = constant(a.value, fn, true, known);
  if (p < 0) {
    // A flag no parameter or local shadows: set to a constant at the top of a function on the cycle.
    if (fn.locals.some((l) => l.name === a.name)) return false;
    const set = cycle.flatMap((c) => c.sets).find((s) => s.name === a.name);
    const now = set ? constant(set.value, fn) : null;
    return now !== null && limit !== null && !holds(now, a.op, limit);
  }
  const v = values[p];
  if (v?.kind === 'const') return limit !== null && !holds(v.value, a.op, limit);
  if (v?.kind === 'nonnull') return limit === 0 && (a.op === '==' || a.op === '<=');
  return false;
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
