// textDocument/hover. Over a finding: the rule's explanation from its metadata (what happens on g0,
// the measured facts with their platform, how to fix) plus this finding's evidence and numbers.
// Elsewhere: the Go↔C boundary under the cursor (boundary-hover.ts).
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Finding } from '../findings/finding';
import { formatBytes } from '../rules/rule';
import { ruleMeta } from '../rules/registry';
import { boundaryHover } from './boundary-hover';
import { ruleDocUrl } from '../rules/rule-docs';
import type { Session } from './session';
import { pathToUri, uriToPath } from './uri';

export async function hover(session: Session, params: HoverParams, token?: CancellationToken): Promise<Hover | null> {
  const file = uriToPath(params?.textDocument?.uri);
  if (!file) return null;
  await session.ready(file, { token });
  const text = session.currentText(file);
  const result = session.resultFor(file);
  if (text === undefined || !result) return null;
  const sourceFile = result.packages.flatMap((p) => [...p.goFiles, ...p.cFiles]).find((f) => f.path === file);
  // Positions are only meaningful against the text the check saw.
  if (!sourceFile || sourceFile.text !== text) return null;
  const offset = session.codec.offset(sourceFile.lines, params.position);
  const here = session.findingsIn(file).filter((f) => f.span.start <= offset && offset <= f.span.end);
  const parts = here.slice(0, 3).map((f) => findingMarkdown(f));
  const boundary = boundaryHover(result.index, file, offset);
  if (boundary) parts.push(boundary.markdown);
  if (parts.length === 0) return null;
  const anchor = here[0]?.span ?? boundary?.span;
  const value = parts.join('\n\n---\n\n');
  return {
    contents: session.client.markdownHover ? { kind: MarkupKind.Markdown, value } : { kind: MarkupKind.PlainText, value: plain(value) },
    range: anchor ? session.codec.range(sourceFile.lines, anchor.start, anchor.end) : undefined,
  };
}

export function findingMarkdown(f: Finding): string {
  const meta = ruleMeta(f.rule);
  const out: string[] = [];
  out.push(`**g0guard \`${f.rule}\`**${meta ? `: ${meta.title}` : ''}`, '', escape(f.message));
  if (f.related.length) {
    out.push('', '**Evidence**', '');
    f.related.forEach((r, i) => out.push(`${i + 1}. ${escape(r.message)} — ${link(r.file.path, r.file.lines.position(r.span.start).line)}`));
  }
  const numbers = dataLines(f.data);
  if (numbers.length) out.push('', ...numbers);
  if (meta) {
    out.push('', meta.doc.trim());
    if (meta.after.trim()) out.push('', 'Fixed:', '', '```go', meta.after.trim(), '```');
  }
  out.push('', `[Rule documentation](${ruleDocUrl(f.rule)})`);
  return out.join('\n');
}

/** The finding's numbers, worded for the known keys and listed as they are otherwise. */
function dataLines(data: Record<string, unknown> | undefined): string[] {
  if (!data) return [];
  const out: string[] = [];
  const bytes = (v: unknown) => (typeof v !== 'number' ? String(v) : v < 1024 ? `${v} B` : `${formatBytes(v)} (${v.toLocaleString('en-US')} B)`);
  for (const [k, v] of Object.entries(data)) {
    if (v === null || v === undefined || v === '' || v === false) {
      if (k === 'depthBound') out.push('- **Depth bound:** none found (nothing stops the recursion)');
      continue;
    }
    switch (k) {
      case 'bytesPerLevel': out.push(`- **Estimated g0 stack per level:** ${bytes(v)}`); break;
      case 'depthBound': out.push(`- **Depth bound:** ${Number(v).toLocaleString('en-US')} levels`); break;
      case 'budget': out.push(`- **g0 budget:** ${bytes(v)}`); break;
      case 'cycle': out.push(`- **Cycle:** ${Array.isArray(v) ? [...v, v[0]].map((x) => `\`${x}\``).join(' → ') : String(v)}`); break;
      case 'path': out.push(`- **Path from the root:** ${Array.isArray(v) ? v.map((x) => `\`${x}\``).join(' → ') : String(v)}`); break;
      default: {
        const label = k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
        const value = Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
        out.push(`- **${label[0].toUpperCase()}${label.slice(1)}:** ${/bytes$/i.test(k) && typeof v === 'number' ? bytes(v) : escape(value)}`);
      }
    }
  }
  return out;
}

export function link(file: string, line: number): string {
  const name = file.split(/[\\/]/).pop();
  return `[${name}:${line + 1}](${pathToUri(file)}#L${line + 1})`;
}

function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Markdown without its markup, for clients that only render plain text. */
function plain(md: string): string {
  return md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\([\\`*_[\]<>])/g, '$1').replace(/\*\*/g, '').replace(/```\w*\n?/g, '');
}
