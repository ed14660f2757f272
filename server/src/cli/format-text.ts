// go vet style: `file:line:col: message (rule)`, each evidence hop indented below it. Every column
// is in UTF-8 bytes, as go vet prints them.
import type { ReportFinding } from './report';

export function formatText(findings: ReportFinding[]): string {
  return findings.map((f) => {
    const head = `${f.file}:${f.line}:${f.byteColumn}: ${f.message} (${f.rule})`;
    const hops = f.related.map((r) => `\t${r.file}:${r.line}:${r.byteColumn}: ${r.message}`);
    return [head, ...hops].join('\n');
  }).join('\n') + (findings.length ? '\n' : '');
}
