// A finding is plain data: where, what, why (evidence as related locations) and how to fix it
// (text edits built with the finding, found again by the LSP through diagnostic.data).
import type { Span } from '../model/facts';
import type { SourceFile } from '../model/package';

export type Severity = 'error' | 'warning' | 'information';

export interface Related { file: SourceFile; span: Span; message: string }

export interface FixEdit { file: SourceFile; span: Span; newText: string }
export interface Fix { title: string; edits: FixEdit[]; preferred?: boolean }

export interface Finding {
  rule: string;
  severity: Severity;
  file: SourceFile;
  span: Span;
  message: string;
  related: Related[];
  fixes: Fix[];
  /** Rule-specific numbers (bytes per level, depth bound, budget …) for hovers and JSON. */
  data?: Record<string, unknown>;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : 1);
}

/** Identifies a finding in a diagnostic's data. Lines, not NULs, separate the parts: Emacs's JSON
 *  reader drops a whole message that holds a \u0000. */
export function findingKey(f: Finding): string {
  return `${f.rule}\n${f.span.start}\n${f.file.path}\n${f.message}`;
}
