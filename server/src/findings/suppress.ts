// //g0guard:ignore RULE reason — on the finding's line or the line above, in Go or C comments.
// A missing reason or unknown rule makes the comment a finding itself; so does one that matches nothing.
import type { IgnoreComment } from '../model/facts';
import type { GoFile, Package, SourceFile } from '../model/package';
import type { Finding } from './finding';
import { listAt } from '../util/list-at';

interface PlacedIgnore { file: SourceFile; ignore: IgnoreComment; line: number; used: boolean }

export function applySuppressions(findings: Finding[], packages: Package[], knownRules: Set<string>): Finding[] {
  const byFile = new Map<string, PlacedIgnore[]>();
  const seen = new Set<string>();
  const place = (file: SourceFile, list: IgnoreComment[]) => {
    for (const ignore of list) {
      const key = `${file.path}:${ignore.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const placed = { file, ignore, line: file.lines.lineOf(ignore.span.start), used: false };
      listAt(byFile, file.path).push(placed);
    }
  };
  for (const pkg of packages) {
    for (const f of pkg.goFiles as GoFile[]) place(f, f.facts.ignores);
    for (const v of pkg.cViews) place(v.file, v.facts.ignores);
  }
  const problems: Finding[] = [];
  const valid = (p: PlacedIgnore) => p.ignore.reason !== '' && knownRules.has(p.ignore.rule);
  for (const list of byFile.values()) {
    for (const p of list) {
      const report = (message: string) => problems.push({ rule: 'g0guard-ignore', severity: 'warning', file: p.file, span: p.ignore.span, message, related: [], fixes: [] });
      if (!knownRules.has(p.ignore.rule)) report(p.ignore.rule ? `g0guard:ignore names an unknown rule "${p.ignore.rule}"` : 'g0guard:ignore needs a rule id and a reason');
      else if (p.ignore.reason === '') report(`g0guard:ignore ${p.ignore.rule} needs a reason after the rule id; the finding is not suppressed`);
    }
  }
  const kept = findings.filter((f) => {
    const line = f.file.lines.lineOf(f.span.start);
    const match = byFile.get(f.file.path)?.find((p) => valid(p) && p.ignore.rule === f.rule && (p.line === line || p.line === line - 1));
    if (match) match.used = true;
    return !match;
  });
  for (const list of byFile.values()) {
    for (const p of list) {
      if (valid(p) && !p.used) problems.push({ rule: 'g0guard-ignore', severity: 'warning', file: p.file, span: p.ignore.span, message: `g0guard:ignore ${p.ignore.rule} matches no finding on this line or the next; remove it`, related: [], fixes: [] });
    }
  }
  return [...kept, ...problems];
}
