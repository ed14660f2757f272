// textDocument/definition, declaration and references across the Go↔C boundary. From Go's `C.f`
// (and `C.struct_x`, `C.enum_x`, `C.T`, `C.MACRO`) to the C definition (a function's prototypes
// only when no definition is read), or with *declaration* to its prototypes; from a C call of an
// //export name to the Go function; C to C within what the unit reads. References of a
// C name are its Go `C.name` sites and its C uses; references of an export add its C callers.
// Plain Go names are gopls's: nothing is answered for them.
import type { CancellationToken, DeclarationParams, DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver';
import type { FuncNode } from '../graph/callgraph';
import type { Span } from '../model/facts';
import type { SourceFile } from '../model/package';
import { scanTokens } from '../text/code-tokens';
import { cgoTarget, isCgoSelected, packageSymbols, preambleRanges, tagKeywordBefore, type CSiteKind, type CSymbolSite } from './c-symbols';
import type { Session } from './session';
import { callsAt, nameAt, sourceAt, type NameAt, type SourceAt } from './source-at';
import { pathToUri } from './uri';

interface Site { file: SourceFile; span: Span }

export function definition(session: Session, params: DefinitionParams, token?: CancellationToken): Promise<Location[] | null> {
  // One place to land, as gopls and clangd do: prototypes only stand in for a definition not read.
  return sitesOf(session, params, token, (defs, protos) => (defs.length ? defs : protos));
}

export function declaration(session: Session, params: DeclarationParams, token?: CancellationToken): Promise<Location[] | null> {
  return sitesOf(session, params, token, (defs, protos) => (protos.length ? protos : defs));
}

async function sitesOf(session: Session, params: DefinitionParams, token: CancellationToken | undefined, choose: (defs: Site[], protos: Site[]) => Site[]): Promise<Location[] | null> {
  const at = await sourceAt(session, params?.textDocument?.uri, params?.position, token);
  const name = at && nameAt(at);
  if (!at || !name || name.kind !== 'c') return null;
  const c = cSites(at, name);
  const defs = [...calledHere(at, name).map(nodeSite), ...exportsNamed(at, name).map(nodeSite), ...c.filter((s) => s.kind !== 'prototype')];
  const sites = unique(choose(defs, c.filter((s) => s.kind === 'prototype')));
  return sites.length ? sites.map((s) => location(session, s)) : null;
}

export async function references(session: Session, params: ReferenceParams, token?: CancellationToken): Promise<Location[] | null> {
  const at = await sourceAt(session, params?.textDocument?.uri, params?.position, token);
  const name = at && nameAt(at);
  if (!at || !name) return null;
  const exports = name.kind === 'go-func' ? (name.node.go?.exportName ? [name.node] : []) : exportsNamed(at, name);
  if (name.kind === 'go-func' && !exports.length) return null;
  const cName = name.kind === 'c' ? name : { name: exports[0].go!.exportName!, kinds: new Set<CSiteKind>(['function', 'prototype']) };
  const declarations: Site[] = [...cSites(at, cName), ...exports.map(nodeSite)];
  const found: Site[] = [...goUses(at, cName.name, cName.kinds), ...cUses(at, cName.name, cName.kinds), ...exports.flatMap((n) => goCallsOf(at, n))];
  if (params.context?.includeDeclaration) found.push(...declarations);
  else {
    const isDecl = new Set(declarations.map(key));
    for (let i = found.length - 1; i >= 0; i--) if (isDecl.has(key(found[i]))) found.splice(i, 1);
  }
  return unique(found).map((s) => location(session, s));
}

/** Functions a call under the cursor reaches, as the call graph resolved it (C++ overloads, pointers). */
function calledHere(at: SourceAt, name: Extract<NameAt, { kind: 'c' }>): FuncNode[] {
  const { graph } = at.result.index;
  const targets = callsAt(at).map((e) => graph.nodes[e.to]).filter((n) => (n.c ? n.c.name === name.name : n.go?.exportName === name.name));
  return name.kinds.has('function') ? targets : [];
}

/** Go functions exported to C under this name (a C name can be one). */
function exportsNamed(at: SourceAt, name: Extract<NameAt, { kind: 'c' }>): FuncNode[] {
  if (!name.kinds.has('function')) return [];
  return at.result.index.graph.nodes.filter((n) => n.go?.exportName === name.name);
}

/** Declarations and definitions of a C name as seen from where the cursor is. */
function cSites(at: SourceAt, name: { name: string; kinds: ReadonlySet<CSiteKind> }): CSymbolSite[] {
  const out: CSymbolSite[] = [];
  for (const pkg of at.packages.length ? at.packages : at.result.packages) {
    const symbols = packageSymbols(pkg);
    out.push(...symbols.lookup(name.name, name.kinds, symbols.viewsSeenFrom(at.source.path)));
  }
  // A function defined in another package of the group is linked alike.
  if (!out.some((s) => s.kind === 'function') && name.kinds.has('function')) {
    for (const pkg of at.result.packages) out.push(...packageSymbols(pkg).lookup(name.name, new Set(['function']), []));
  }
  return out;
}

/** `C.name` in the Go code of the group's cgo packages. */
function goUses(at: SourceAt, name: string, kinds: ReadonlySet<CSiteKind>): Site[] {
  const out: Site[] = [];
  for (const pkg of at.result.packages) {
    for (const g of pkg.goFiles) {
      if (!g.facts.imports.some((i) => i.path === 'C') || !g.text.includes(name)) continue;
      scanTokens(g.text, 'go', (kind, start, end) => {
        if (kind !== 'ident' || !isCgoSelected(g.text, start)) return;
        const t = cgoTarget(g.text.slice(start, end));
        if (t.name === name && [...t.kinds].some((k) => kinds.has(k))) out.push({ file: g, span: { start, end } });
      });
    }
  }
  return out;
}

/** The name in C code: every view of the group once, a preamble within its ranges only. */
function cUses(at: SourceAt, name: string, kinds: ReadonlySet<CSiteKind>): Site[] {
  const out: Site[] = [];
  const seen = new Set<string>();
  const wantTag = !kinds.has('function') && !kinds.has('typedef');
  for (const pkg of at.result.packages) {
    for (const view of pkg.cViews) {
      const file = view.file;
      if (seen.has(file.path) || !file.text.includes(name)) continue;
      seen.add(file.path);
      for (const r of preambleRanges(pkg, file) ?? [{ start: 0, end: file.text.length }]) {
        scanTokens(file.text, 'c', (kind, start, end) => {
          if (kind !== 'ident' || end - start !== name.length || !file.text.startsWith(name, start)) return;
          if (!!tagKeywordBefore(file.text, start) === wantTag) out.push({ file, span: { start, end } });
        }, r.start, r.end);
      }
    }
  }
  return out;
}

/** Go calls of an exported function: the function's name at each call site. */
function goCallsOf(at: SourceAt, node: FuncNode): Site[] {
  const { graph } = at.result.index;
  const name = node.nameSpan.end > node.nameSpan.start ? node.file.text.slice(node.nameSpan.start, node.nameSpan.end) : node.go!.name;
  return graph.in[node.id].filter((e) => graph.nodes[e.from].lang === 'go' && e.kind === 'call').flatMap((e) => {
    const i = e.file.text.slice(e.span.start, e.span.end).indexOf(name);
    return i < 0 ? [] : [{ file: e.file, span: { start: e.span.start + i, end: e.span.start + i + name.length } }];
  });
}

function nodeSite(n: FuncNode): Site {
  return { file: n.file, span: n.nameSpan };
}

function key(s: Site): string {
  return `${s.file.path}:${s.span.start}`;
}

function unique(sites: Site[]): Site[] {
  const seen = new Set<string>();
  return sites.filter((s) => !seen.has(key(s)) && !!seen.add(key(s)));
}

function location(session: Session, s: Site): Location {
  return { uri: pathToUri(s.file.path), range: session.codec.range(s.file.lines, s.span.start, s.span.end) };
}

