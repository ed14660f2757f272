// Resolves the calls of one package's Go functions: same-package functions, imported workspace
// packages, methods by receiver type (promoted ones included), interface calls by method set
// (go-method-sets.ts), calls through function values (go-values.ts), `C.f` into the package's C,
// closures, and //go:linkname in both directions. Code after a call that never returns is skipped.
import { isEmpty } from '../model/compact-facts';
import type { GoCall } from '../model/facts';
import type { EdgeKind, PackageIndex, WorkspaceIndex } from './callgraph';
import { cFromGo } from './c-lookup';
import { declsOf, importAliases, lookupType, methodOf } from './go-decls';
import { binderOf, importedPackage, typeOfRef, type Scope } from './go-expr-types';
import { interfaceTargets } from './go-method-sets';
import { fileScope, type GoValues } from './go-values';
import { has } from '../util/own';

const BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);

export function resolveGoCalls(index: WorkspaceIndex, pi: PackageIndex, values: GoValues): void {
  const { graph } = index;
  const types = declsOf(pi.pkg)!.types;

  for (const file of pi.pkg.goFiles) {
    const aliases = importAliases(file);
    const funcs = file.facts.funcs;
    funcs.forEach((f, me) => {
      // An outline's functions (most of a big tree) have nothing to resolve.
      if (f.calls.length === 0 && f.flows.length === 0 && f.parent === undefined && isEmpty(f.localCalls)) return;
      const from = pi.goNodeOf.get(f)!;
      const scope: Scope = { pkg: pi.pkg, file, f };
      values.addFunction(scope);
      const edge = (to: number, kind: EdgeKind, call: GoCall, viaInterface?: boolean) => {
        graph.addEdge({ from, to, kind, file, span: call, args: call.args, viaInterface });
        if (kind === 'call' || kind === 'go') values.bindArguments(scope, call, to);
      };
      const byValue = (call: GoCall, kind: EdgeKind) => {
        const callee = call.callee;
        const ref = callee.kind === 'ident' ? callee : callee.kind === 'selector' ? { kind: 'field' as const, base: callee.base, name: callee.name } : callee.kind === 'dynamic' ? callee.ref : undefined;
        if (!ref || !values.addValueCall(from, scope, call, kind, ref)) graph.site('go-value', 'unresolved');
      };
      // The node's facts: dead code after calls that never return is already left out (go-noreturn.ts).
      for (const call of graph.nodes[from].go!.calls) {
        const kind: EdgeKind = call.runs === 'go' ? 'go' : 'call';
        const c = call.callee;
        if (c.kind === 'literal') continue; // closures get their edge below
        if (c.kind === 'dynamic') { byValue(call, kind); continue; }
        if (c.kind === 'ident') {
          if (binderOf(scope, c.name)) { byValue(call, kind); continue; }
          const to = pi.goFuncs.get(c.name);
          if (to !== undefined) { edge(to, kind, call); graph.site('go-function', 'resolved'); }
          else if (has(declsOf(pi.pkg)?.vars ?? {}, c.name)) byValue(call, kind);
          else if (!BUILTINS.has(c.name) && !types.has(c.name)) graph.site('go-function', 'unresolved'); // conversions to basic types are no calls (extract-go.ts)
          continue;
        }
        // Selector: package function, C function, or method.
        if (c.base.kind === 'ident' && aliases.get(c.base.name) === 'C' && !binderOf(scope, c.base.name)) {
          const targets = cFromGo(graph, pi, file, c.name);
          const exp = pi.exports.get(c.name);
          for (const to of targets) edge(to, call.runs === 'go' ? 'go' : 'cgo', call);
          if (targets.length === 0 && exp !== undefined) edge(exp, call.runs === 'go' ? 'go' : 'cgo', call);
          if (targets.length === 0 && exp === undefined) graph.stats.external++;
          else graph.site('cgo', 'resolved');
          continue;
        }
        const other = importedPackage(index, scope, c.base);
        if (other || (c.base.kind === 'ident' && aliases.has(c.base.name) && !binderOf(scope, c.base.name))) {
          const target = other && index.packages.get(other.importPath);
          const to = target?.goFuncs.get(c.name);
          if (to !== undefined) { edge(to, kind, call); graph.site('go-function', 'resolved'); }
          else if (target && has(declsOf(target.pkg)?.vars ?? {}, c.name)) byValue(call, kind);
          else if (target && !declsOf(target.pkg)?.types.has(c.name)) graph.site('go-function', 'unresolved');
          else if (!target) graph.stats.external++;
          continue;
        }
        const recvType = typeOfRef(index, scope, c.base);
        if (!recvType) { graph.site('go-method', 'unresolved'); continue; }
        const decl = lookupType(index, recvType);
        if (!decl) { graph.stats.external++; continue; }
        if (decl.decl.kind === 'interface') {
          const candidates = interfaceTargets(index, decl, c.name);
          const targets = candidates.filter((id) => {
            const m = graph.nodes[id].go!;
            return m.params.length === call.args.length && (f.isTestFile || !m.isTestFile);
          });
          for (const to of targets) edge(to, kind, call, true);
          graph.site('go-interface', targets.length ? 'resolved' : 'unresolved');
          continue;
        }
        const to = methodOf(index, decl, c.name);
        if (to !== undefined) { edge(to, kind, call); graph.site('go-method', 'resolved'); }
        else byValue(call, kind); // a field holding a function
      }
      if (f.parent !== undefined) {
        const parent = funcs[f.parent];
        const viaGo = parent.calls.some((call) => call.runs === 'go' && call.callee.kind === 'literal' && call.callee.literal === me);
        const site = parent.calls.find((call) => call.callee.kind === 'literal' && call.callee.literal === me);
        graph.addEdge({ from: pi.goNodeOf.get(parent)!, to: from, kind: viaGo ? 'go' : 'call', file, span: site ?? f.span, args: site?.args ?? [] });
      }
    });
    values.addFile(fileScope({ pkg: pi.pkg, file }));
    for (const ln of file.facts.linknames) {
      const local = pi.goFuncs.get(ln.local);
      const target = graph.byQualified(ln.target);
      if (local === undefined || target === undefined) continue;
      const localHasBody = graph.nodes[local].go!.hasBody;
      const [from, to] = localHasBody ? [target, local] : [local, target];
      if (graph.nodes[from].go?.hasBody) continue; // both have bodies: nothing to link
      graph.addEdge({ from, to, kind: 'linkname', file, span: ln.span, args: graph.nodes[from].go!.params.map((_, i) => ({ param: i, delta: 0 })) });
      values.bindLinkname(from, to);
    }
  }
}
