// Where a request points, in the analysis that saw the file: the package group's result, the file
// as the check read it, the UTF-16 offset, the packages that read the file (a header can be read by
// several), and what name is there: a Go `C.name`, a C identifier (in a preamble or a C/C++ file),
// or a Go function name. Requests about a file whose text changed since its check get nothing.
import type { CancellationToken, Position } from 'vscode-languageserver';
import type { AnalysisResult } from '../findings/analyze';
import type { Edge, FuncNode } from '../graph/callgraph';
import type { Span } from '../model/facts';
import type { GoFile, Package, SourceFile } from '../model/package';
import { identifierAt, scanTokens } from '../text/code-tokens';
import { cgoTarget, isCgoSelected, ORDINARY, preambleRanges, tagKeywordBefore, type CSiteKind } from './c-symbols';
import type { Session } from './session';
import { uriToPath } from './uri';

export interface SourceAt {
  result: AnalysisResult;
  source: SourceFile;
  offset: number;
  packages: Package[];
}

/** A name under the cursor. */
export type NameAt =
  /** `C.name` in Go code (`goName` as written: `struct_x`), or a name in C code. */
  | { kind: 'c'; name: string; kinds: ReadonlySet<CSiteKind>; span: Span; fromGo: boolean }
  /** The name of a Go function declaration. */
  | { kind: 'go-func'; node: FuncNode; span: Span };

export async function sourceAt(session: Session, uri: string | undefined, position: Position | undefined, token?: CancellationToken): Promise<SourceAt | undefined> {
  const file = uri ? uriToPath(uri) : undefined;
  if (!file || !position) return undefined;
  await session.ready(file, { token });
  const text = session.currentText(file);
  const result = resultHolding(session, file);
  if (text === undefined || !result) return undefined;
  const packages = result.packages.filter((p) => p.goFiles.some((g) => g.path === file) || p.cFiles.some((c) => c.path === file));
  const source = packages[0] && [...packages[0].goFiles, ...packages[0].cFiles].find((f) => f.path === file);
  // Positions are only meaningful against the text the check saw.
  if (!source || source.text !== text) return undefined;
  return { result, source, offset: session.codec.offset(source.lines, position), packages };
}

/** The result of the package group that read `file`: the one behind its diagnostics, else any check of its root that read it (a header of another folder). */
export function resultHolding(session: Session, file: string): AnalysisResult | undefined {
  const direct = session.resultFor(file);
  if (direct) return direct;
  for (const root of session.roots.all()) {
    for (const r of root.componentResults.values()) if (r.packages.some((p) => p.cFiles.some((c) => c.path === file))) return r;
  }
  return undefined;
}

export function nameAt(at: SourceAt): NameAt | undefined {
  const { source, offset } = at;
  const id = identifierAt(source.text, offset);
  if (!id) return undefined;
  const span = { start: id.start, end: id.end };
  const cRange = cRangeAt(at);
  if (cRange) {
    const tag = tagKeywordBefore(source.text, id.start);
    const kinds: ReadonlySet<CSiteKind> = tag ? new Set(tag === 'struct' ? ['struct', 'class'] : [tag]) : ORDINARY;
    return codeAt(source.text, id.start, 'c', cRange.start) ? { kind: 'c', name: id.name, kinds, span, fromGo: false } : undefined;
  }
  if (!codeAt(source.text, id.start, 'go', 0)) return undefined;
  if (isCgoSelected(source.text, id.start)) {
    const t = cgoTarget(id.name);
    return { kind: 'c', name: t.name, kinds: t.kinds, span, fromGo: true };
  }
  const node = at.result.index.graph.nodes.find((n) => n.lang === 'go' && n.file.path === source.path && n.nameSpan.start === id.start);
  return node ? { kind: 'go-func', node, span } : undefined;
}

/** The C text around the offset: all of a C/C++ file, or the preamble range of a Go file that holds it. */
export function cRangeAt(at: SourceAt): Span | undefined {
  const ranges = at.packages[0] ? preambleRanges(at.packages[0], at.source) : undefined;
  return (ranges ?? [{ start: 0, end: at.source.text.length }]).find((r) => r.start <= at.offset && at.offset <= r.end);
}

/** A Go file in the package of its last check, and that package. */
export function goFileChecked(session: Session, file: string): { pkg: Package; go: GoFile } | undefined {
  for (const pkg of resultHolding(session, file)?.packages ?? []) {
    const go = pkg.goFiles.find((g) => g.path === file);
    if (go) return { pkg, go };
  }
  return undefined;
}

/** Whether `start` begins a name in code, not in a comment or literal; `floor` is where the code's text begins (a preamble line). */
function codeAt(text: string, start: number, lang: 'go' | 'c', floor: number): boolean {
  // Scan from the line's start: enough for literals; a block comment opened on an earlier line is looked for too.
  const lineStart = Math.max(floor, text.lastIndexOf('\n', start - 1) + 1);
  const open = text.lastIndexOf('/*', start);
  if (lang === 'c' && open >= floor && open < lineStart && text.lastIndexOf('*/', start) < open) return false;
  let ok = false;
  scanTokens(text, lang, (kind, s) => {
    if (s < start) return true;
    ok = s === start && kind === 'ident';
    return false;
  }, lineStart, Math.min(text.length, start + 1));
  return ok;
}

/** The call edges whose call site holds the offset, innermost call first. */
export function callsAt(at: SourceAt): Edge[] {
  return at.result.index.graph.out.flat().filter((e) => e.file.path === at.source.path && e.span.start <= at.offset && at.offset <= e.span.end)
    .sort((a, b) => (a.span.end - a.span.start) - (b.span.end - b.span.start));
}
