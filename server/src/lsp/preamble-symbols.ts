// Document symbols for a Go file's cgo preamble: its C functions, prototypes, records, enums (with
// their constants), typedefs, variables and macros, nested under the `import "C"` they belong to.
// The Go declarations are gopls's; this adds what it cannot see.
import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { declarationText, packageSymbols, type CSiteKind, type CSymbolSite } from './c-symbols';
import type { Session } from './session';
import { goFileChecked } from './source-at';
import { uriToPath } from './uri';

const KIND: Record<CSiteKind, SymbolKind> = {
  function: SymbolKind.Function, prototype: SymbolKind.Function, struct: SymbolKind.Struct, union: SymbolKind.Struct, class: SymbolKind.Class,
  enum: SymbolKind.Enum, enumerator: SymbolKind.EnumMember, typedef: SymbolKind.TypeParameter, variable: SymbolKind.Variable, macro: SymbolKind.Constant,
};

export async function preambleSymbols(session: Session, params: DocumentSymbolParams, token?: CancellationToken): Promise<DocumentSymbol[] | null> {
  const file = params?.textDocument?.uri ? uriToPath(params.textDocument.uri) : undefined;
  if (!file?.endsWith('.go')) return null;
  await session.ready(file, { token, limitMs: 2000 });
  const { pkg, go } = goFileChecked(session, file) ?? {};
  const imported = go?.facts.imports.find((i) => i.path === 'C');
  if (!pkg || !go || !imported || !go.facts.preamble?.ranges.length || go.text !== session.currentText(file)) return null;
  const view = pkg.cViews.find((v) => v.file.path === file);
  const sites = (view && packageSymbols(pkg).byView.get(view)) ?? [];
  const range = (start: number, end: number) => session.codec.range(go.lines, start, end);
  const symbol = (s: CSymbolSite): DocumentSymbol => ({ name: s.name, detail: declarationText(s, 80), kind: KIND[s.kind], range: range(s.decl.start, Math.max(s.decl.end, s.span.end)), selectionRange: range(s.span.start, s.span.end) });
  const children: DocumentSymbol[] = [];
  for (const s of sites) {
    if (s.name.startsWith('<')) continue;
    const parent = s.kind === 'enumerator' ? children.find((c) => c.kind === SymbolKind.Enum && within(s, sites, c.name)) : undefined;
    if (parent) (parent.children ??= []).push(symbol(s));
    else children.push(symbol(s));
  }
  const start = go.lines.lineStart(go.lines.lineOf(go.facts.preamble.ranges[0].start));
  return [{ name: 'import "C"', detail: 'cgo preamble', kind: SymbolKind.Module, range: range(Math.min(start, imported.span.start), imported.span.end), selectionRange: range(imported.span.start, imported.span.end), children }];
}

/** Whether an enumerator lies in the enum named `name` among the sites. */
function within(e: CSymbolSite, sites: CSymbolSite[], name: string): boolean {
  return sites.some((s) => s.kind === 'enum' && s.name === name && s.decl.start <= e.decl.start && e.decl.end <= s.decl.end);
}
