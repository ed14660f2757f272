// Fixes → WorkspaceEdit. Every edit names the document version it was computed on and is checked
// against the text the client has now: a fix for text that changed since the check is refused
// (undefined), never applied to the wrong place. Fix-all merges fixes whose edits do not collide.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Fix, FixEdit } from '../findings/finding';
import type { Session } from './session';
import { pathToUri } from './uri';
import { listAt } from '../util/list-at';

/** The WorkspaceEdit for a set of edits, or undefined when any touched file changed since the check. */
export function toWorkspaceEdit(session: Session, edits: FixEdit[]): WorkspaceEdit | undefined {
  const byFile = new Map<string, FixEdit[]>();
  for (const e of edits) listAt(byFile, e.file.path).push(e);
  const documentChanges = [];
  const changes: Record<string, TextEdit[]> = {};
  for (const [file, list] of byFile) {
    if (session.currentText(file) !== list[0].file.text) return undefined; // stale: the text moved on
    const uri = pathToUri(file);
    const textEdits = list.map((e): TextEdit => ({ range: session.codec.range(e.file.lines, e.span.start, e.span.end), newText: e.newText }));
    documentChanges.push({ textDocument: { uri, version: session.docs.get(file)?.version ?? null }, edits: textEdits });
    changes[uri] = textEdits;
  }
  return session.client.documentChanges ? { documentChanges } : { changes };
}

/**
 * The edits of several fixes applied together: a fix joins only if none of its edits overlaps an
 * edit already taken (identical edits, e.g. the same import added twice, count once).
 */
export function combineFixes(fixes: Fix[]): FixEdit[] {
  const taken: FixEdit[] = [];
  const same = (a: FixEdit, b: FixEdit) => a.file.path === b.file.path && a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
  const clash = (a: FixEdit, b: FixEdit) => a.file.path === b.file.path && !same(a, b) &&
    (a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && (a.span.end > a.span.start || b.span.end > b.span.start)));
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => clash(e, t)))) continue;
    for (const e of fix.edits) if (!taken.some((t) => same(e, t))) taken.push(e);
  }
  return taken;
}
