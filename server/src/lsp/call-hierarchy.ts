// Call hierarchy over the cross-language call graph: Go and C/C++ functions, with how each call
// crosses (Go→C, C→Go, through a function pointer, an interface, a function value, assumed) in the
// detail of the item it leads to. A finding's evidence path can be focused (g0guard.focusEvidencePath):
// the next hierarchy prepared on the path's first function then follows only the path's calls.
import { SymbolKind, type CallHierarchyIncomingCall, type CallHierarchyIncomingCallsParams, type CallHierarchyItem, type CallHierarchyOutgoingCall, type CallHierarchyOutgoingCallsParams, type CallHierarchyPrepareParams, type CancellationToken, type Location } from 'vscode-languageserver';
import type { CallGraph, Edge, FuncNode } from '../graph/callgraph';
import type { Finding } from '../findings/finding';
import type { Session } from './session';
import { callsAt, nameAt, resultHolding, sourceAt } from './source-at';
import { listAt } from '../util/list-at';
import { pathToUri, uriToPath } from './uri';

interface ItemData { file: string; q: string; start: number; path?: string[]; step?: number }

/** A focused evidence path: the file and name offset of its first function, and its functions in order. */
export interface FocusedPath { file: string; start: number; path: string[] }

export async function prepareCallHierarchy(session: Session, params: CallHierarchyPrepareParams, token?: CancellationToken): Promise<CallHierarchyItem[] | null> {
  const at = await sourceAt(session, params?.textDocument?.uri, params?.position, token);
  if (!at) return null;
  const { graph } = at.result.index;
  const within = (s: { start: number; end: number }) => s.start <= at.offset && at.offset <= s.end;
  let nodes = graph.nodes.filter((n) => n.file.path === at.source.path && within(n.nameSpan));
  if (!nodes.length) {
    // On a call: what the call graph says it reaches (innermost call first).
    const calls = callsAt(at);
    const name = nameAt(at);
    const named = calls.filter((e) => !name || name.kind !== 'c' || graph.nodes[e.to].c?.name === name.name || graph.nodes[e.to].go?.exportName === name.name);
    nodes = unique((named.length ? named : calls).filter((e) => e.span.start === (named[0] ?? calls[0]).span.start).map((e) => graph.nodes[e.to]));
  }
  const focus = session.focusedPath;
  return nodes.map((n) => {
    if (focus && focus.file === n.file.path && focus.start === n.nameSpan.start && focus.path[0] === n.qualified) {
      session.focusedPath = undefined;
      return item(session, n, detailOf(n), { path: focus.path, step: 0 });
    }
    return item(session, n, detailOf(n));
  });
}

export function incomingCalls(session: Session, params: CallHierarchyIncomingCallsParams): CallHierarchyIncomingCall[] | null {
  const found = nodeOf(session, params?.item);
  if (!found) return null;
  const { graph, node } = found;
  return grouped(graph.in[node.id], (e) => e.from).map(([from, edges]) => ({
    from: item(session, graph.nodes[from], edgeLabels(graph, edges)),
    fromRanges: edges.map((e) => session.codec.range(e.file.lines, e.span.start, e.span.end)),
  }));
}

export function outgoingCalls(session: Session, params: CallHierarchyOutgoingCallsParams): CallHierarchyOutgoingCall[] | null {
  const found = nodeOf(session, params?.item);
  if (!found) return null;
  const { graph, node, data } = found;
  let edges = graph.out[node.id];
  const step = data.path && data.step !== undefined ? data.step + 1 : undefined;
  if (step !== undefined) edges = edges.filter((e) => graph.nodes[e.to].qualified === data.path![step]);
  return grouped(edges, (e) => e.to).map(([to, list]) => ({
    to: item(session, graph.nodes[to], edgeLabels(graph, list), step !== undefined ? { path: data.path, step } : undefined),
    fromRanges: list.map((e) => session.codec.range(e.file.lines, e.span.start, e.span.end)),
  }));
}

/** The functions a finding's evidence passes through, in order, from its hops' call sites. */
/** Focuses a finding's evidence path (g0guard.focusEvidencePath); answers where its first function is, for the client to prepare a hierarchy there. */
export function focusEvidencePath(session: Session, args: unknown[] | undefined): Location | null {
  const [uri, key] = args ?? [];
  const file = typeof uri === 'string' ? uriToPath(uri) : undefined;
  const finding = file && typeof key === 'string' ? session.findingByKey(file, key) : undefined;
  const graph = file && session.resultFor(file)?.index.graph;
  const path = finding && graph ? evidencePath(graph, finding) : [];
  if (path.length < 2) return null;
  const first = path[0];
  session.focusedPath = { file: first.file.path, start: first.nameSpan.start, path: path.map((n) => n.qualified) };
  return { uri: pathToUri(first.file.path), range: session.codec.range(first.file.lines, first.nameSpan.start, first.nameSpan.end) };
}

export function evidencePath(graph: CallGraph, finding: Finding): FuncNode[] {
  const out: FuncNode[] = [];
  for (const r of finding.related) {
    const e = graph.out.flat().find((x) => x.file.path === r.file.path && x.span.start === r.span.start && x.span.end === r.span.end);
    if (!e) continue;
    if (!out.length) out.push(graph.nodes[e.from]);
    if (out[out.length - 1].id === e.from) out.push(graph.nodes[e.to]);
  }
  return out;
}

function item(session: Session, n: FuncNode, detail: string, path?: Pick<ItemData, 'path' | 'step'>): CallHierarchyItem {
  const data: ItemData = { file: n.file.path, q: n.qualified, start: n.nameSpan.start, ...path };
  return {
    name: n.display,
    kind: n.go?.recv || n.c?.cls ? SymbolKind.Method : SymbolKind.Function,
    detail,
    uri: pathToUri(n.file.path),
    range: session.codec.range(n.file.lines, n.span.start, n.span.end),
    selectionRange: session.codec.range(n.file.lines, n.nameSpan.start, n.nameSpan.end),
    data,
  };
}

function nodeOf(session: Session, it: CallHierarchyItem | undefined): { graph: CallGraph; node: FuncNode; data: ItemData } | undefined {
  const data = it?.data as ItemData | undefined;
  if (!data || typeof data.file !== 'string' || typeof data.q !== 'string') return undefined;
  const graph = resultHolding(session, data.file)?.index.graph;
  const node = graph?.nodes.find((n) => n.qualified === data.q && n.file.path === data.file && n.nameSpan.start === data.start)
    ?? graph?.nodes.find((n) => n.qualified === data.q && n.file.path === data.file);
  return graph && node ? { graph, node, data } : undefined;
}

function detailOf(n: FuncNode): string {
  return `${n.lang === 'go' ? 'Go' : n.cpp ? 'C++' : 'C'} · ${n.pkg.importPath}`;
}

/** How the calls cross, worded for the item they lead to. */
function edgeLabels(graph: CallGraph, edges: Edge[]): string {
  return [...new Set(edges.map((e) => edgeLabel(graph, e)))].join(', ');
}

function edgeLabel(graph: CallGraph, e: Edge): string {
  const from = graph.nodes[e.from], to = graph.nodes[e.to];
  switch (e.kind) {
    case 'cgo': return 'Go→C';
    case 'export': return 'C→Go';
    case 'pointer': return `${from.lang === 'c' && to.lang === 'go' ? 'C→Go ' : ''}through a function pointer${e.bySignature ? ' (matched by signature: assumed)' : ''}`;
    case 'go': return 'go statement (a new goroutine)';
    case 'linkname': return '//go:linkname';
    case 'assumed': return `assumed: ${e.via ?? 'a library'} calls what it is given`;
    default:
      if (e.viaInterface) return 'interface call';
      if (e.byValue) return `through the function value ${e.byValue}`;
      return from.lang === 'c' && to.lang === 'go' ? 'C→Go' : from.lang === 'c' ? (from.cpp ? 'C++ call' : 'C call') : 'Go call';
  }
}

function grouped(edges: Edge[], by: (e: Edge) => number): [number, Edge[]][] {
  const m = new Map<number, Edge[]>();
  for (const e of edges) listAt(m, by(e)).push(e);
  return [...m];
}

function unique(nodes: FuncNode[]): FuncNode[] {
  return [...new Set(nodes)];
}
