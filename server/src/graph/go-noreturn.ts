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

/** Replaces each Go node's facts by a view without dead code and with evaluated guards, where they differ. */
export function settleGoFacts(index: WorkspaceIndex): void {
  const never = neverReturning(index);
  for (const node of index.graph.nodes) {
    const f = node.go;
    if (!f) continue;
    const dead = f.calls.filter((c) => c.rest && endsHere(index, node, c, never)).map((c) => c.rest!);
    const guards = f.guards.some((g) => g.limitExpr !== undefined) ? settleGuards(index, node, f.guards) : f.guards;
    if (dead.length === 0 && guards === f.guards) continue;
    const live = <T extends { span: Span }>(list: T[]) => (dead.length ? list.filter((x) => !dead.some((d) => d.start <= x.span.start && x.span.end <= d.end)) : list);
    node.go = Object.assign(Object.create(f) as GoFunc, { calls: live(f.calls), panics: live(f.panics), ops: live(f.ops), guards });
  }
}

/** Workspace functions that never return: a top-level call statement that never returns, and no `return`. */
function neverReturning(index: WorkspaceIndex): Set<number> {
  const never = new Set<number>();
  const candidates = index.graph.nodes.filter((n) => n.go?.calls.some((c) => c.top) && !n.go.ops.some((o) => o.kind === 'return'));
  for (let changed = true; changed;) {
    changed = false;
    for (const n of candidates) {
      if (never.has(n.id) || !n.go!.calls.some((c) => c.top && endsHere(index, n, c, never))) continue;
      never.add(n.id);
      changed = true;
    }
  }
  return never;
}

function endsHere(index: WorkspaceIndex, node: FuncNode, call: GoCall, never: Set<number>): boolean {
  const c = call.callee;
  if (call.go || call.defer) return false;
  if (c.kind === 'ident') {
    if (bound(node, c.name)) return false;
    if (c.name === 'panic') return true;
    if (RUNTIME_EXITS.has(c.name) && (node.pkg.name === 'runtime' || (node.file as GoFile).facts.linknames.some((l) => l.local === c.name && l.target === `runtime.${c.name}`))) return true;
    const id = index.packages.get(node.pkg.importPath)?.goFuncs.get(c.name);
    return id !== undefined && never.has(id);
  }
  if (c.kind !== 'selector' || c.base.kind !== 'ident' || bound(node, c.base.name)) return false;
  const path = importAliases(node.file as GoFile).get(c.base.name);
  if (!path) return false;
  if (PACKAGE_EXITS[path]?.has(c.name)) return true;
  const id = index.packages.get(path)?.goFuncs.get(c.name);
  return id !== undefined && never.has(id);
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
