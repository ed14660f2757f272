// Findings as plain records for the formatters: 1-based lines, columns in UTF-16 code units (as the
// JSON format promises), plus UTF-8 byte columns for go-vet-style text and SARIF.
import * as path from 'node:path';
import type { Finding } from '../findings/finding';

export interface ReportLocation { file: string; line: number; column: number; endLine: number; endColumn: number; byteColumn: number; endByteColumn: number }
export interface ReportRelated { file: string; line: number; column: number; endLine: number; endColumn: number; byteColumn: number; message: string }
export interface ReportFinding extends ReportLocation { rule: string; severity: string; message: string; related: ReportRelated[]; data?: Record<string, unknown> }

export function toReport(findings: Finding[], cwd: string): ReportFinding[] {
  return findings.map((f) => {
    const loc = location(f.file.path, f.file.lines, f.span, cwd);
    return {
      rule: f.rule, severity: f.severity, ...loc, message: f.message,
      related: f.related.map((r) => {
        const l = location(r.file.path, r.file.lines, r.span, cwd);
        return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, byteColumn: l.byteColumn, message: r.message };
      }),
      data: f.data,
    };
  });
}

function location(file: string, lines: Finding['file']['lines'], span: { start: number; end: number }, cwd: string): ReportLocation {
  const s = lines.position(span.start), e = lines.position(span.end);
  return {
    file: path.relative(cwd, file).split(path.sep).join('/') || path.basename(file),
    line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
    byteColumn: lines.utf8Column(span.start) + 1, endByteColumn: lines.utf8Column(span.end) + 1,
  };
}
