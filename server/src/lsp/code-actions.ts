// textDocument/codeAction: for each g0guard diagnostic, its finding's fixes (quickfix, the preferred
// one marked) and a suppression; for the document, source.fixAll.g0guard. Diagnostics are matched by
// `data` (rule, key, version), never by range: some clients send ranges in other units. A diagnostic
// from an older version of the document gets nothing: its fix would land in the wrong place.
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix } from '../findings/finding';
import { suppressionFix } from '../fixes/suppress-comment';
import { isDiagnosticData, SOURCE, toDiagnostic } from './diagnostics';
import type { Session } from './session';
import { uriToPath } from './uri';
import { combineFixes, toWorkspaceEdit } from './workspace-edit';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.g0guard`;

export async function codeActions(session: Session, params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
  const file = uriToPath(params?.textDocument?.uri);
  if (!file) return [];
  await session.ready(file, { token });
  const doc = session.docs.get(file);
  const version = doc?.version ?? null;
  const only = params.context?.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const { finding, diagnostic } of targets(session, file, version, params)) {
      finding.fixes.forEach((fix) => {
        const action = quickFix(session, fix, diagnostic, !!fix.preferred);
        if (action) actions.push(action);
      });
      const suppress = suppressionFix(finding);
      const action = suppress && quickFix(session, suppress, diagnostic, false);
      if (action) actions.push(action);
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const all = fixAll(session, file);
    if (all) actions.push(all);
  }
  return actions;
}

/** source.fixAll.g0guard: every finding of the document that has a fix, preferred fix first. */
export function fixAll(session: Session, file: string): CodeAction | undefined {
  const fixes = session.findingsIn(file)
    .filter((f) => f.fixes.length > 0 && f.file.text === session.currentText(file))
    .map((f) => f.fixes.find((x) => x.preferred) ?? f.fixes[0]);
  if (fixes.length === 0) return undefined;
  const edit = toWorkspaceEdit(session, combineFixes(fixes));
  return edit && { title: `Fix all g0guard findings in this file (${fixes.length})`, kind: FIX_ALL_KIND, edit };
}

/** The findings the request is about: from its diagnostics' data, else those under its range. */
function targets(session: Session, file: string, version: number | null, params: CodeActionParams): { finding: Finding; diagnostic: Diagnostic }[] {
  const out: { finding: Finding; diagnostic: Diagnostic }[] = [];
  const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
  const ours = diagnostics.filter((d) => d?.source === SOURCE);
  for (const d of ours) {
    if (!isDiagnosticData(d.data)) continue;
    // Computed on another version of the text: no fix. A diagnostic published before the document
    // was opened (no version) is good while the finding's text is the document's (checked below).
    if (d.data.version !== version && d.data.version !== null) continue;
    const finding = session.findingByKey(file, d.data.key);
    if (finding && finding.file.text === session.currentText(file)) out.push({ finding, diagnostic: d });
  }
  if (ours.length === 0 && params.range && diagnostics.length === 0) {
    // A client that sends no context diagnostics: offer what lies under the cursor.
    const lines = session.docs.get(file) ? session.docs.lines(session.docs.get(file)!) : undefined;
    if (lines) {
      const start = session.codec.offset(lines, params.range.start), end = session.codec.offset(lines, params.range.end);
      for (const f of session.findingsIn(file)) {
        if (f.file.text !== lines.text || f.span.end < start || f.span.start > end) continue;
        out.push({ finding: f, diagnostic: toDiagnostic(f, session.codec, version) });
      }
    }
  }
  return out;
}

function quickFix(session: Session, fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction | undefined {
  const edit = toWorkspaceEdit(session, fix.edits);
  if (!edit) return undefined;
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  if (preferred) action.isPreferred = true;
  return action;
}
