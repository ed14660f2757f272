// Resolves the calls of one package's C functions: C→C by name (a static function only within its
// own file), C→Go through //export names, and calls through function pointers to every function of
// the package whose address is taken (in Go: `C.cb_t(C.goCb)`; in C: tables, initializers,
// arguments) with the same pointer type, or the same arity where a type is unknown.
import type { CCallee, CFunc, FuncPointerUse } from '../model/facts';
import type { SourceFile } from '../model/package';
import type { PackageIndex, WorkspaceIndex } from './callgraph';

interface PointerTarget { node: number; arity: number; uses: FuncPointerUse[] }

export function resolveCCalls(index: WorkspaceIndex, pi: PackageIndex): void {
  const { graph } = index;
  const units: { file: SourceFile; funcs: CFunc[]; uses: FuncPointerUse[] }[] = [];
  for (const f of pi.pkg.goFiles) if (f.facts.preamble) units.push({ file: f, funcs: f.facts.preamble.funcs, uses: [...f.facts.preamble.pointerUses, ...f.facts.cPointerUses] });
  for (const f of pi.pkg.cFiles) units.push({ file: f, funcs: f.facts.funcs, uses: f.facts.pointerUses });
  if (units.length === 0) return;

  const byName = (name: string, file: SourceFile): number[] => {
    const all = pi.cFuncs.get(name) ?? [];
    const local = all.filter((id) => graph.nodes[id].file === file);
    return local.length ? local : all.filter((id) => !graph.nodes[id].c!.isStatic);
  };

  const targets = new Map<number, PointerTarget>();
  for (const u of units) {
    for (const use of u.uses) {
      const ids = byName(use.name, u.file);
      const exp = pi.exports.get(use.name);
      for (const node of exp !== undefined && ids.length === 0 ? [exp] : ids) {
        const n = graph.nodes[node];
        if (!targets.has(node)) targets.set(node, { node, arity: n.c ? n.c.params.length : n.go!.params.length, uses: [] });
        targets.get(node)!.uses.push({ ...use, typeName: use.typeName?.replace(/^C\./, '') });
      }
    }
  }

  for (const u of units) {
    for (const f of u.funcs) {
      const from = pi.cNodeOf.get(f);
      if (from === undefined) continue;
      for (const call of f.calls) {
        const edge = (to: number, kind: 'call' | 'export' | 'pointer') => graph.addEdge({ from, to, kind, file: u.file, span: call.span, args: call.args });
        if (call.callee.kind === 'direct') {
          const ids = byName(call.callee.name, u.file);
          const exp = pi.exports.get(call.callee.name);
          if (ids.length) ids.forEach((id) => edge(id, 'call'));
          else if (exp !== undefined) edge(exp, 'export');
          else graph.stats.external++;
          continue;
        }
        const callee = call.callee;
        const matches = [...targets.values()].filter((t) => t.uses.some((use) => compatible(callee, call.argCount, t.arity, use)));
        matches.forEach((t) => edge(t.node, 'pointer'));
        if (matches.length === 0) graph.stats.unresolved++;
      }
    }
  }
}

/**
 * Whether a call through a pointer can reach a function stored by `use`: pointer types agree when
 * both are named (else the arity must), and a struct slot (`s->write`) only reaches functions
 * stored into a slot of that name, of the same struct type when both are known.
 */
function compatible(call: Extract<CCallee, { kind: 'indirect' }>, argCount: number, arity: number, use: FuncPointerUse): boolean {
  if (call.typeName && use.typeName ? call.typeName !== use.typeName : arity !== argCount) return false;
  if (call.field && use.field) {
    if (call.field !== use.field) return false;
    if (call.owner && use.owner && call.owner !== use.owner) return false;
  }
  return true;
}
