// What a Go function's facts say once the workspace is known: calls that never return end their
// block (runtime.throw, os.Exit, log.Fatal*, panic, runtime.Goexit, and workspace functions whose
// body ends in one with no return anywhere), so the calls, panics and operations after them are
// dropped for every rule; and depth guards named by constants get their values (go-constants.ts).
import type { DepthGuard, GoCall, GoFunc, Span } from '../model/facts';
import type { GoFile } from '../model/package';
import type { FuncNode, WorkspaceIndex } from './callgraph';
import { constantValue } from './go-constants';
import { importAliases } from './go-decls';
import { boundLocally } from './g0-types';

const RUNTIME_EXITS = new Set(['throw', 'fatal', 'fatalthrow', 'fatalpanic', 'exit']);
const PACKAGE_EXITS: Record<string, Set<string>> = {
  os: new Set(['Exit']), syscall: new Set(['Exit']), runtime: new Set(['Goexit']),
  log: new Set(['Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln']),
};
const EXIT_NAMES = new Set(Object.values(PACKAGE_EXITS).flatMap((s) => [...s]));

/** Replaces each Go node's facts by a view without dead code and with evaluated guards, where they differ. */
export function settleGoFacts(index: WorkspaceIndex): void {
  const never = neverReturning(index);
  const names = new Set([...never].map((id) => index.graph.nodes[id].go!.name));
  for (const node of index.graph.nodes) {
    const f = node.go;
    if (!f || (f.calls.length === 0 && f.guards.length === 0)) continue;
    const dead: Span[] = [];
    for (const c of f.calls) if (c.restEnd !== undefined && endsHere(index, node, c, never, names)) dead.push({ start: c.end, end: c.restEnd });
    const guards = f.guards.some((g) => g.limitExpr !== undefined) ? settleGuards(index, node, f.guards) : f.guards;
    if (dead.length === 0 && guards === f.guards) continue;
    const live = <T>(list: T[], spanOf: (x: T) => Span) => (dead.length ? list.filter((x) => !dead.some((d) => d.start <= spanOf(x).start && spanOf(x).end <= d.end)) : list);
    const at = (x: { span: Span }) => x.span;
    node.go = Object.assign(Object.create(f) as GoFunc, { calls: live(f.calls, (c) => c), panics: live(f.panics, at), ops: live(f.ops, at), guards });
  }
}

/**
 * Workspace functions that never return: a top-level call statement that never returns, and no
 * `return`. Rounds from the library exits outwards; a call is looked up only when its name is that
 * of a function already known never to return (most are not).
 */
function neverReturning(index: WorkspaceIndex): Set<number> {
  const never = new Set<number>();
  const names = new Set<string>();
  const candidates = index.graph.nodes.filter((n) => n.go && n.go.calls.length > 0 && n.go.calls.some((c) => c.statement === 'top') && n.go.returns === 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const n of candidates) {
      if (never.has(n.id) || !n.go!.calls.some((c) => c.statement === 'top' && endsHere(index, n, c, never, names))) continue;
      never.add(n.id);
      names.add(n.go!.name);
      changed = true;
    }
  }
  return never;
}

/** The workspace function a call names by itself or through an import (no types needed). */
function workspaceCallee(index: WorkspaceIndex, node: FuncNode, call: GoCall): number | undefined {
  const c = call.callee;
  if (c.kind === 'ident') return index.packages.get(node.pkg.importPath)?.goFuncs.get(c.name);
  if (c.kind !== 'selector' || c.base.kind !== 'ident') return undefined;
  const path = importAliases(node.file as GoFile).get(c.base.name);
  return path ? index.packages.get(path)?.goFuncs.get(c.name) : undefined;
}

/** `names`: the names of the functions in `never`, a cheap first test (most calls name none of them). */
function endsHere(index: WorkspaceIndex, node: FuncNode, call: GoCall, never: Set<number>, names: Set<string>): boolean {
  const c = call.callee;
  if (call.runs !== 'now' || (c.kind !== 'ident' && c.kind !== 'selector')) return false;
  if (c.name !== 'panic' && !RUNTIME_EXITS.has(c.name) && !EXIT_NAMES.has(c.name) && !names.has(c.name)) return false;
  const id = names.has(c.name) ? workspaceCallee(index, node, call) : undefined;
  if (c.kind === 'ident') {
    const exits = c.name === 'panic' || (id !== undefined && never.has(id))
      || (RUNTIME_EXITS.has(c.name) && (node.pkg.name === 'runtime' || (node.file as GoFile).facts.linknames.some((l) => l.local === c.name && l.target === `runtime.${c.name}`)));
    return exits && !bound(node, c.name);
  }
  if (c.kind !== 'selector' || c.base.kind !== 'ident') return false;
  const exits = (id !== undefined && never.has(id)) || !!PACKAGE_EXITS[importAliases(node.file as GoFile).get(c.base.name) ?? '']?.has(c.name);
  return exits && !bound(node, c.base.name);
}

function bound(node: FuncNode, name: string): boolean {
  return boundLocally((node.file as GoFile).facts.funcs, node.go!, name);
}

/** A named limit becomes its value, or null when the constant is not the workspace's; a variable is no bound. */
function settleGuards(index: WorkspaceIndex, node: FuncNode, guards: DepthGuard[]): DepthGuard[] {
  const out: DepthGuard[] = [];
  for (const g of guards) {
    if (g.limitExpr === undefined) { out.push(g); continue; }
    if (bound(node, g.limitExpr.split(/\W/)[0])) continue; // a local or parameter: no constant
    const v = constantValue(index, node.pkg, g.limitExpr);
    if (v === undefined) continue;
    out.push({ param: g.param, limit: v === null ? null : g.strict ? v + 1 : v });
  }
  return out;
}
