// Runs the engine on a fixture case folder and matches findings against its wants.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, loadConfigFile } from '../../server/src/config/config';
import { analyze } from '../../server/src/findings/analyze';
import type { ParserBackend } from '../../server/src/parse/backend';
import { RULE_IDS } from '../../server/src/rules/registry';
import { caseWants } from './wants';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');

export interface CaseFinding { file: string; line: number; column: number; rule: string; message: string }

export function listCases(): { rule: string; kind: 'flagged' | 'safe'; name: string; dir: string }[] {
  const out: { rule: string; kind: 'flagged' | 'safe'; name: string; dir: string }[] = [];
  for (const rule of fs.readdirSync(FIXTURES).sort()) {
    for (const kind of ['flagged', 'safe'] as const) {
      const dir = path.join(FIXTURES, rule, kind);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir).sort()) out.push({ rule, kind, name, dir: path.join(dir, name) });
    }
  }
  return out;
}

export function runCase(backend: ParserBackend, dir: string): CaseFinding[] {
  const configFile = path.join(dir, '.g0guard.json');
  const config = fs.existsSync(configFile) ? loadConfigFile(configFile, RULE_IDS).config : DEFAULT_CONFIG;
  const result = analyze({ backend, config, paths: [dir] });
  return result.findings.map((f) => {
    const pos = f.file.lines.position(f.span.start);
    return { file: path.relative(dir, f.file.path), line: pos.line + 1, column: pos.character + 1, rule: f.rule, message: f.message };
  });
}

/** Differences between findings and wants, as readable lines (empty when they agree). */
export function compareWithWants(dir: string, findings: CaseFinding[]): string[] {
  const wants = caseWants(dir);
  const problems: string[] = [];
  const unmatched = [...findings];
  for (const w of wants) {
    const i = unmatched.findIndex((f) => f.file === w.file && f.line === w.line && f.rule === w.rule && w.pattern.test(f.message));
    if (i >= 0) unmatched.splice(i, 1);
    else problems.push(`missing: ${w.file}:${w.line}: want ${w.text}`);
  }
  for (const f of unmatched) problems.push(`unexpected: ${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})`);
  return problems;
}
