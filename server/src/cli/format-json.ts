// The JSON report: version 1, 1-based lines, columns in UTF-16 code units, files relative to cwd.
import type { AnalysisStats } from '../findings/analyze';
import type { ReportFinding } from './report';

/** `configProblems`: configuration values that name nothing (config-names.ts), one line each. */
export function formatJson(findings: ReportFinding[], stats: AnalysisStats & Record<string, unknown>, configProblems: string[] = []): string {
  return JSON.stringify({
    version: 1,
    findings: findings.map((f) => ({
      rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
      message: f.message, related: f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })),
      ...(f.data ? { data: f.data } : {}),
    })),
    stats,
    ...(configProblems.length ? { configProblems } : {}),
  }, null, 2) + '\n';
}
