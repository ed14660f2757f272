// Hover over the Go↔C boundary: on an //export function, who calls it from C; on a `C.f(...)` call
// or a C function (preamble or .c file), who calls it from Go, which Go exports it calls back, and
// its frame estimate. Read off the call graph of the last check (WorkspaceIndex).
import type { CallGraph, Edge, FuncNode, WorkspaceIndex } from '../graph/callgraph';
import type { Span } from '../model/facts';
import { ROUND_TRIP_BYTES } from '../rules/cgo-callback-recursion';
import { formatBytes, MEASURED_ON } from '../rules/rule';
import { link } from './hover';

const LIST_MAX = 8;

export function boundaryHover(index: WorkspaceIndex, file: string, offset: number): { markdown: string; span: Span } | undefined {
  const { graph } = index;
  const within = (s: Span) => s.start <= offset && offset <= s.end;
  // Innermost first: a `C.f(...)` call inside a function beats the function around it.
  const call = graph.out.flat().filter((e) => e.kind === 'cgo' && e.file.path === file && within(e.span))
    .sort((a, b) => (a.span.end - a.span.start) - (b.span.end - b.span.start))[0];
  if (call) return { markdown: cFunction(graph, graph.nodes[call.to], `\`${graph.nodes[call.to].display}\` called from Go here`), span: call.span };
  const node = graph.nodes.find((n) => n.file.path === file && within(n.nameSpan)) ?? exportDirectiveAt(graph, file, offset);
  if (!node) return undefined;
  if (node.c) return { markdown: cFunction(graph, node, `C function \`${node.c.name}\``), span: node.nameSpan };
  if (node.go?.exportName) return { markdown: goExport(graph, node), span: node.nameSpan };
  return undefined;
}

/** The exported function whose `//export NAME` line holds `offset`. */
function exportDirectiveAt(graph: CallGraph, file: string, offset: number): FuncNode | undefined {
  const any = graph.nodes.find((n) => n.file.path === file);
  if (!any) return undefined;
  const text = any.file.text;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const m = /^\/\/export\s+(\S+)/.exec(text.slice(start, end < 0 ? text.length : end));
  return m ? graph.nodes.find((n) => n.file.path === file && n.go?.exportName === m[1] && n.go.span.start > start) : undefined;
}

function goExport(graph: CallGraph, node: FuncNode): string {
  const f = node.go!;
  const callers = graph.in[node.id].filter((e) => graph.nodes[e.from].lang === 'c');
  const out = [`**\`//export ${f.exportName}\`**: Go called from C`, ''];
  if (callers.length === 0) out.push('No C function in the workspace calls it directly or through a function pointer.');
  else {
    out.push(`Called from C by ${callers.length} call site${callers.length === 1 ? '' : 's'}:`, '');
    out.push(...sites(callers, (e) => `\`${graph.nodes[e.from].display}\`${e.kind === 'pointer' ? ' (through a function pointer)' : ''}`));
  }
  const cCalls = graph.out[node.id].filter((e) => e.kind === 'cgo');
  if (cCalls.length) out.push('', `It calls C again (${[...new Set(cCalls.map((e) => `\`${graph.nodes[e.to].display}\``))].join(', ')}): each Go→C→Go round trip stays on the same g0 stack.`);
  out.push('', `Each call from C keeps ≈${ROUND_TRIP_BYTES} B of g0 stack for the round trip plus the C caller's frame (${MEASURED_ON}). A panic here unwinds through the C frames unless a deferred recover at the top stops it.`);
  return out.join('\n');
}

function cFunction(graph: CallGraph, node: FuncNode, heading: string): string {
  const c = node.c!;
  const out = [`**${heading}** (runs on the thread's system stack, g0, which never grows)`, ''];
  const exact = c.frameBytes >= 1024 ? ` (${c.frameBytes.toLocaleString('en-US')} B)` : '';
  out.push(`- **Frame estimate:** ${formatBytes(c.frameBytes)}${exact}${frameDetail(c.frameItems)}`);
  out.push(`- **Defined at:** ${link(node.file.path, node.file.lines.position(node.nameSpan.start).line)}`);
  const fromGo = graph.in[node.id].filter((e) => e.kind === 'cgo');
  if (fromGo.length) {
    out.push('', `Called from Go (cgo) at ${fromGo.length} site${fromGo.length === 1 ? '' : 's'}:`, '');
    out.push(...sites(fromGo, (e) => `\`${graph.nodes[e.from].display}\``));
  }
  const toGo = graph.out[node.id].filter((e) => graph.nodes[e.to].lang === 'go');
  if (toGo.length) {
    out.push('', 'Calls back into Go:', '');
    out.push(...sites(toGo, (e) => `\`${graph.nodes[e.to].display}\`${e.kind === 'pointer' ? ' (through a function pointer)' : ''}`));
  }
  return out.join('\n');
}

function frameDetail(items: { what: string; bytes: number | null }[]): string {
  if (!items.length) return '';
  const shown = items.slice(0, 4).map((i) => `${i.what}${i.bytes === null ? ' (size known only at run time)' : ` ${formatBytes(i.bytes)}`}`);
  return `; ${shown.join(', ')}${items.length > 4 ? ', …' : ''}`;
}

function sites(edges: Edge[], label: (e: Edge) => string): string[] {
  const lines = edges.slice(0, LIST_MAX).map((e) => `- ${label(e)} at ${link(e.file.path, e.file.lines.position(e.span.start).line)}`);
  if (edges.length > LIST_MAX) lines.push(`- … and ${edges.length - LIST_MAX} more`);
  return lines;
}
