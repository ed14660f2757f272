// Resolves the calls of one package's C functions: C→C by name (a static function only within its
// own file), C→Go through //export names, and calls through function pointers to every function of
// the package whose address is taken (in Go: `C.cb_t(C.goCb)`; in C: tables, initializers,
// arguments) with the same pointer type, or the same arity where a type is unknown.
import type { CFunc, FuncPointerUse } from '../model/facts';
import type { SourceFile } from '../model/package';
import type { PackageIndex, WorkspaceIndex } from './callgraph';

interface PointerTarget { node: number; typeName?: string; arity: number }

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

  const targets: PointerTarget[] = [];
  const seen = new Set<number>();
  for (const u of units) {
    for (const use of u.uses) {
      const ids = byName(use.name, u.file);
      const exp = pi.exports.get(use.name);
      for (const node of exp !== undefined && ids.length === 0 ? [exp] : ids) {
        if (seen.has(node)) continue;
        seen.add(node);
        const n = graph.nodes[node];
        targets.push({ node, typeName: use.typeName?.replace(/^C\./, ''), arity: n.c ? n.c.params.length : n.go!.params.length });
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
        const typeName = call.callee.typeName;
        const matches = targets.filter((t) => (typeName && t.typeName ? t.typeName === typeName : t.arity === call.argCount));
        matches.forEach((t) => edge(t.node, 'pointer'));
        if (matches.length === 0) graph.stats.unresolved++;
      }
    }
  }
}
