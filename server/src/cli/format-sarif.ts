// SARIF 2.1.0: rules[] from rule metadata, relatedLocations for the evidence, partialFingerprints
// that survive line shifts, and an explicit columnKind (UTF-16 code units, as in the JSON report).
import { createHash } from 'node:crypto';
import { ALL_RULE_META } from '../rules/registry';
import { ruleDocUrl } from '../rules/rule-docs';
import type { ReportFinding } from './report';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note' };

/** `configProblems` become tool configuration notifications of the run's invocation. */
export function formatSarif(findings: ReportFinding[], version: string, configProblems: string[] = []): string {
  const ruleIndex = new Map(ALL_RULE_META.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'g0guard', version, informationUri: 'https://github.com/g0guard/g0guard',
          rules: ALL_RULE_META.map((r) => ({
            id: r.id, name: r.id, shortDescription: { text: r.title },
            fullDescription: { text: r.doc.split('\n\n')[0] },
            help: { text: r.doc, markdown: `${r.doc}\n\nBefore:\n\n\`\`\`\n${r.before}\n\`\`\`\n\nAfter:\n\n\`\`\`\n${r.after}\n\`\`\`` },
            helpUri: ruleDocUrl(r.id),
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      ...(configProblems.length ? {
        invocations: [{
          executionSuccessful: true,
          toolConfigurationNotifications: configProblems.map((text) => ({ descriptor: { id: 'config' }, level: 'warning', message: { text } })),
        }],
      } : {}),
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { SRCROOT: { uri: pathToUri(process.cwd()) + '/' } },
      results: findings.map((f) => ({
        ruleId: f.rule, ruleIndex: ruleIndex.get(f.rule) ?? -1, level: LEVEL[f.severity] ?? 'warning',
        message: { text: f.message },
        locations: [physical(f.file, f.line, f.column, f.endLine, f.endColumn)],
        relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...physical(r.file, r.line, r.column, r.endLine, r.endColumn), message: { text: r.message } })),
        partialFingerprints: { 'g0guard/v1': createHash('sha256').update(`${f.rule}\u0000${f.file}\u0000${f.message.replace(/\d[\d,.]*/g, '#')}`).digest('hex').slice(0, 32) },
      })),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function physical(file: string, startLine: number, startColumn: number, endLine: number, endColumn: number) {
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: 'SRCROOT' }, region: { startLine, startColumn, endLine, endColumn } } };
}

function pathToUri(p: string): string {
  return 'file://' + encodeURI(p.split('\\').join('/'));
}
