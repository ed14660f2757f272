// Checks run inside code-server's real extension host by the probe extension (probe/): the
// installed g0guard .vsix activates (in a restricted, untrusted window), its diagnostics, hover,
// commands, settings and quick fixes reach VS Code's own API, with ranges in UTF-16 units.
// Compiled by tsc to out/test/editors/code-server/api-test.js; `vscode` is handed in by the probe.
import type * as vscode from 'vscode';

type Check = (ok: unknown, name: string, detail?: unknown) => boolean;

const EXPORT_LINE = 20;          // `func goWeight(i C.int) C.int {` (0-based)
const RECURSION_LINE = 33;       // `\t\t/* 递归：每层都在 g0 上 */ C.descend(remaining - 1)`
const RECURSION_CHAR = 21;       // UTF-16 units before `C.descend` (2 tabs + 19); bytes would be 37

async function waitFor<T>(get: () => T, done: (v: T) => boolean, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const hoverText = (hs: vscode.Hover[]) => hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

export async function run(api: typeof vscode, check: Check): Promise<void> {
  const ext = api.extensions.getExtension('g0guard.g0guard');
  if (!check(ext, 'g0guard extension installed')) return;
  await ext!.activate();
  check(ext!.isActive, 'extension active in a restricted (untrusted) window', `isTrusted=${api.workspace.isTrusted}`);
  const commands = await api.commands.getCommands(true);
  check(commands.includes('g0guard.rescan') && commands.includes('g0guard.openRuleDocs'), 'commands registered');

  const root = api.workspace.workspaceFolders![0].uri;
  const uri = api.Uri.joinPath(root, 'main.go');
  const doc = await api.workspace.openTextDocument(uri);
  await api.window.showTextDocument(doc, { preview: false });
  const mine = (rule?: string) => api.languages.getDiagnostics(uri).filter((d) => d.source === 'g0guard' && (!rule || codeOf(d) === rule));
  const both = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'export-panic') && ds.some((d) => codeOf(d) === 'cgo-callback-recursion');

  const diags = await waitFor(() => mine(), both, 30000);
  if (!check(both(diags), 'diagnostics published: export-panic and cgo-callback-recursion', diags.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', '))) return;
  const panic = diags.find((d) => codeOf(d) === 'export-panic')!;
  const recursion = diags.find((d) => codeOf(d) === 'cgo-callback-recursion')!;
  check(panic.range.start.line === EXPORT_LINE && panic.severity === api.DiagnosticSeverity.Warning,
    'export-panic on the exported func line, as a warning', `${panic.range.start.line}:${panic.range.start.character} severity ${panic.severity}`);
  check(recursion.range.start.line === RECURSION_LINE && recursion.range.start.character === RECURSION_CHAR,
    'cgo-callback-recursion range in UTF-16 units on the CJK line', `${recursion.range.start.line}:${recursion.range.start.character} (want ${RECURSION_LINE}:${RECURSION_CHAR})`);
  const related = recursion.relatedInformation ?? [];
  check(related.some((r) => r.location.uri.path.endsWith('/bridge.c')), 'evidence path reaches the C file', related.map((r) => `${r.location.uri.path.split('/').pop()}:${r.location.range.start.line + 1}`).join(' → '));

  const hover = hoverText(await api.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, panic.range.start.translate(0, 1)));
  check(/recover/.test(hover) && /measured on/i.test(hover), 'hover explains the rule (measured facts, the recover fix)', hover.split('\n').find((l) => l.trim()) ?? '(empty)');

  // settings: a workspace value reaches the server through workspace/configuration
  const config = api.workspace.getConfiguration('g0guard');
  await config.update('rules.export-panic', 'off', api.ConfigurationTarget.Workspace);
  const off = await waitFor(() => mine('export-panic'), (ds) => ds.length === 0);
  check(off.length === 0 && mine('cgo-callback-recursion').length === 1, 'setting g0guard.rules.export-panic=off silences only that rule');
  await config.update('rules.export-panic', undefined, api.ConfigurationTarget.Workspace);
  check((await waitFor(() => mine('export-panic'), (ds) => ds.length > 0)).length > 0, 'removing the setting brings it back');

  await api.commands.executeCommand('g0guard.rescan');
  check(both(await waitFor(() => mine(), both)), 'g0guard.rescan: diagnostics present after the re-scan');

  await api.commands.executeCommand('g0guard.openRuleDocs', 'export-panic');
  const tabs = await waitFor(() => api.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)), (ls) => ls.some((l) => l.includes('export-panic')), 10000);
  check(tabs.some((l) => l.includes('export-panic')), 'g0guard.openRuleDocs opens the rule page', tabs.join(', '));
  for (const g of api.window.tabGroups.all) for (const t of g.tabs) if (t.label.includes('export-panic')) await api.window.tabGroups.close(t);
  await api.window.showTextDocument(doc, { preview: false });

  // quick fix for export-panic: the preferred one (recover guard), applied as VS Code would
  // VS Code sends the diagnostics under the range as context (its API result drops `diagnostics`,
  // so the range, which holds one finding each time, picks the finding)
  // A request VS Code cancels (the editor's model changing under it, a restart) or that races the
  // server's re-analysis is asked again, as the light bulb would, for up to 5 s.
  const actionsFor = async (d: vscode.Diagnostic) => {
    const end = Date.now() + 5000;
    for (;;) {
      const got = await Promise.resolve(api.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, api.CodeActionKind.QuickFix.value))
        .catch((e: Error) => { if (/Canceled/.test(String(e))) return [] as vscode.CodeAction[]; throw e; });
      if (got.length > 0 || Date.now() > end) return got;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const applyAction = async (a: vscode.CodeAction) => {
    let ok = true;
    if (a.edit) ok = await api.workspace.applyEdit(a.edit);
    if (a.command) await api.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
    return ok;
  };
  const current = mine('export-panic')[0] ?? panic;
  const panicFixes = await actionsFor(current);
  const guard = panicFixes.find((a) => a.isPreferred) ?? panicFixes.find((a) => !/ignore|suppress/i.test(a.title));
  if (check(guard && (guard.edit || guard.command), 'export-panic quick fix offered (preferred)', panicFixes.map((a) => `${a.title}${a.isPreferred ? ' *' : ''}`).join(' | '))) {
    check(await applyAction(guard!), 'recover guard applied', doc.getText().includes('recover()') ? 'text has recover()' : 'no recover() in text');
    const left = await waitFor(() => mine('export-panic'), (ds) => ds.length === 0);
    check(left.length === 0 && mine('cgo-callback-recursion').length === 1, 'export-panic cleared, the recursion still reported');
  }

  // on the CJK line: the suppression fix
  const rec = mine('cgo-callback-recursion')[0] ?? recursion;
  const recFixes = await actionsFor(rec);
  const ignore = recFixes.find((a) => /g0guard:ignore|suppress|ignore/i.test(a.title));
  if (check(ignore, 'suppression offered on the CJK line', recFixes.map((a) => a.title).join(' | '))) {
    await applyAction(ignore!);
    check(/g0guard:ignore cgo-callback-recursion/.test(doc.getText()), 'suppression comment inserted');
    const left = await waitFor(() => mine(), (ds) => ds.length === 0);
    check(left.length === 0, 'no g0guard diagnostics left in main.go', left.map((d) => codeOf(d)).join(', '));
  }
}
