// What a rule is: metadata (one source for hovers, docs pages, SARIF rules[] and the settings
// enum) plus run(), which reads the workspace index and reports findings.
import type { Config } from '../config/config';
import type { Finding, Severity } from '../findings/finding';
import type { WorkspaceIndex } from '../graph/callgraph';

export interface RuleMeta {
  id: string;
  /** Lower case but for proper nouns (Go, C, C++), no period. */
  title: string;
  severity: Severity;
  /** Markdown: what happens on g0 at run time (measured facts with their platform), when it is safe, how to fix. */
  doc: string;
  before: string;
  after: string;
}

export interface RuleContext {
  index: WorkspaceIndex;
  config: Config;
  report(finding: Omit<Finding, 'severity' | 'fixes' | 'related'> & Partial<Pick<Finding, 'severity' | 'fixes' | 'related'>>): void;
}

export interface Rule extends RuleMeta {
  run(ctx: RuleContext): void;
}

/** Where measured facts come from; hovers and docs cite it. */
export const MEASURED_ON = 'measured on Go 1.19.8, linux/amd64, glibc 2.36, gcc 12, ulimit -s 8192';

export { formatBytes } from '../text/format-bytes';
