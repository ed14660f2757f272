// The operations of one function that hazards.md fact 7 measured to crash on g0 under -race even
// inside a //go:norace function, plus defers the compiler cannot open-code (fatal on g0 with or
// without -race). Only what was measured: anything else stays silent.
import type { GoOp, Span } from '../model/facts';
import type { GoFile } from '../model/package';
import type { FuncNode, WorkspaceIndex } from './callgraph';
import { boundLocally, externalType, kindOfValue, typeOfValue } from './g0-types';
import { neverInstrumented, neverInstrumentedPath } from './never-instrumented';
import { importAliases, lookupType } from './go-decls';

export interface RaceOp {
  span: Span;
  /** What the operation is, for the message: `channel send`, `sync.Mutex.Lock` … */
  what: string;
  /** Fatal on g0 even without -race (a defer that is not open-coded). */
  withoutRace?: boolean;
}

/** sync methods measured to crash: fact 7 plus docs/measurements/g0-race-ops (WaitGroup.Wait, Map, Pool, Cond, TryLock). */
const SYNC_METHODS: Record<string, Set<string>> = {
  Mutex: new Set(['Lock', 'Unlock', 'TryLock']),
  RWMutex: new Set(['Lock', 'Unlock', 'RLock', 'RUnlock', 'TryLock', 'TryRLock']),
  Once: new Set(['Do']),
  WaitGroup: new Set(['Add', 'Done', 'Wait']),
  Map: new Set(['Load', 'Store', 'Range', 'LoadOrStore', 'Delete']),
  Pool: new Set(['Get', 'Put']),
  Cond: new Set(['Signal', 'Broadcast']),
};
/** Types of sync/atomic: `atomic.Value{}` or `atomic.Int64` are not calls; their methods are. */
const ATOMIC_TYPES = new Set(['Value', 'Bool', 'Int32', 'Int64', 'Uint32', 'Uint64', 'Uintptr', 'Pointer']);
/** The compiler open-codes at most 8 defers, and none when returns × defers > 15 (cmd/compile). */
const MAX_OPEN_DEFERS = 8;
const MAX_RETURNS_TIMES_DEFERS = 15;

export function raceOps(index: WorkspaceIndex, node: FuncNode): RaceOp[] {
  const out: RaceOp[] = [];
  const f = node.go!;
  channelOps(index, node, out);
  callOps(index, node, out);
  if (f.parent !== undefined && !neverInstrumented(node.pkg)) {
    out.push({ span: { start: node.span.start, end: node.span.start + 4 }, what: 'func literal (literals never inherit //go:norace, so its entry is instrumented)' });
  }
  valueReceiverCalls(index, node, out);
  defers(node, out);
  return out.sort((a, b) => a.span.start - b.span.start);
}

function channelOps(index: WorkspaceIndex, node: FuncNode, out: RaceOp[]): void {
  const f = node.go!;
  const closeShadowed = boundLocally((node.file as GoFile).facts.funcs, f, 'close') || !!index.packages.get(node.pkg.importPath)?.goFuncs.has('close');
  for (const op of f.ops) {
    if (op.kind === 'send') {
      out.push({ span: op.span, what: op.detail === 'select-default' ? 'channel send in a select case (it crashes even when the select falls to default)' : op.detail ? 'channel send in a select case' : 'channel send' });
    } else if (op.kind === 'receive') {
      out.push({ span: op.span, what: op.detail === 'select-default' ? 'non-blocking channel receive (it crashes once it gets a value or sees a closed channel; only an empty receive is safe)' : 'channel receive' });
    } else if (op.kind === 'close' && !closeShadowed) {
      out.push({ span: op.span, what: 'close of a channel' });
    } else if (op.kind === 'range' && kindOfValue(index, node, op.ref) === 'chan') {
      out.push({ span: op.span, what: 'range over a channel (each iteration receives)' });
    }
  }
}

/** sync/atomic functions, sync and atomic methods, and calls into instrumented packages outside the workspace. */
function callOps(index: WorkspaceIndex, node: FuncNode, out: RaceOp[]): void {
  const f = node.go!;
  const file = node.file as GoFile;
  const aliases = importAliases(file);
  for (const call of f.calls) {
    const c = call.callee;
    if (call.runs === 'go' || c.kind !== 'selector') continue;
    if (c.base.kind === 'ident' && aliases.has(c.base.name) && !boundLocally(file.facts.funcs, f, c.base.name)) {
      const path = aliases.get(c.base.name)!;
      if (path === 'sync/atomic') {
        if (!ATOMIC_TYPES.has(c.name)) out.push({ span: call, what: `sync/atomic call ${c.base.name}.${c.name}` });
        continue;
      }
      if (path === 'C' || path === 'unsafe' || path === 'internal/bytealg' || neverInstrumentedPath(path) || index.packages.has(path)) continue;
      // `pkg.T(x)` may be a conversion; a call as a statement, deferred, or with other than one argument is not.
      // An inlined callee runs as this function's code (strings.HasPrefix survived: docs/measurements/g0-race-ops).
      if (call.args.length !== 1 || call.runs === 'defer' || call.statement) {
        out.push({ span: call, what: `call to ${c.base.name}.${c.name} (package ${path} is race-instrumented and has no //go:norace; only a callee the compiler inlines here is spared)` });
      }
      continue;
    }
    const what = syncMethod(index, node, c.base, c.name);
    if (what) out.push({ span: call, what });
  }
}

/** `mu.Lock()` on a sync.Mutex (or a struct embedding one), `v.Load()` on an atomic type. */
function syncMethod(index: WorkspaceIndex, node: FuncNode, base: Parameters<typeof typeOfValue>[2], method: string): string | undefined {
  const t = typeOfValue(index, node, base);
  if (!t) return undefined;
  const ext = externalType(t);
  if (ext) return syncName(ext, method);
  const decl = lookupType(index, t);
  if (decl?.decl.kind !== 'struct' || index.packages.get(decl.pkg.importPath)?.goFuncs.has(`${decl.decl.name}.${method}`)) return undefined;
  for (const [field, type] of Object.entries(decl.decl.fields)) {
    const embedded = externalType({ pkg: decl.pkg, text: type });
    if (embedded && embedded.name === field) {
      const name = syncName(embedded, method);
      if (name) return `${name} (promoted from the embedded ${type.replace(/^\*/, '')})`;
    }
  }
  return undefined;
}

function syncName(t: { path: string; name: string }, method: string): string | undefined {
  if (t.path === 'sync' && SYNC_METHODS[t.name]?.has(method)) return `sync.${t.name}.${method}`;
  if (t.path === 'sync/atomic' && ATOMIC_TYPES.has(t.name)) return `sync/atomic ${t.name}.${method}`;
  return undefined;
}

/** Interface calls that may reach a value-receiver method: the compiler-made pointer wrapper is instrumented. */
function valueReceiverCalls(index: WorkspaceIndex, node: FuncNode, out: RaceOp[]): void {
  const { graph } = index;
  const bySite = new Map<number, { span: Span; targets: string[] }>();
  for (const e of graph.out[node.id]) {
    const target = graph.nodes[e.to];
    if (!e.viaInterface || e.kind === 'go' || !target.go?.recv || target.go.recv.pointer || neverInstrumented(target.pkg)) continue;
    const site = bySite.get(e.span.start) ?? { span: e.span, targets: [] };
    site.targets.push(target.display);
    bySite.set(e.span.start, site);
  }
  for (const site of bySite.values()) {
    const names = site.targets.join(', ');
    out.push({ span: site.span, what: `interface call that can reach the value-receiver method ${names} (the compiler-made pointer wrapper is race-instrumented even when the method has //go:norace)` });
  }
}

/** Defers the compiler cannot open-code run deferproc, which throws on g0. */
function defers(node: FuncNode, out: RaceOp[]): void {
  const f = node.go!;
  const list = f.ops.filter((o) => o.kind === 'defer');
  if (list.length === 0) return;
  const returns = f.ops.filter((o) => o.kind === 'return').length;
  const line = (op: GoOp) => (node.file as GoFile).lines.position(op.span.start).line + 1;
  const loop = list.find((d) => d.detail === 'loop');
  let why: string | undefined;
  if (loop) why = `the defer at line ${line(loop)} is inside a loop`;
  else if (list.length > MAX_OPEN_DEFERS) why = `${list.length} defers are more than the ${MAX_OPEN_DEFERS} the compiler open-codes`;
  else if (returns * list.length > MAX_RETURNS_TIMES_DEFERS) why = `${returns} returns × ${list.length} defers is over ${MAX_RETURNS_TIMES_DEFERS}`;
  if (!why) return;
  for (const d of list) {
    const what = d === loop ? 'defer inside a loop, which the compiler cannot open-code' : `defer the compiler cannot open-code (${why})`;
    out.push({ span: d.span, what, withoutRace: true });
  }
}
