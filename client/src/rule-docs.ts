// `g0guard.openRuleDocs`: opens a rule's page (what happens on g0, when it is safe, how to fix).
// The pages ship inside the extension (docs/rules/<id>.md, generated from the rule metadata, copied
// to dist/docs/rules/ by scripts/bundle.mjs), so they open offline and in untrusted windows alike.
import * as vscode from 'vscode';
import { SECTION } from './settings';

interface RuleItem extends vscode.QuickPickItem { id: string }

/** Rules as the manifest lists them (`g0guard.rules.<id>`, description = title). */
function manifestRules(packageJSON: any): RuleItem[] {
  const props = packageJSON?.contributes?.configuration?.properties ?? {};
  const prefix = `${SECTION}.rules.`;
  return Object.keys(props).filter((k) => k.startsWith(prefix)).map((k) => ({
    id: k.slice(prefix.length),
    label: k.slice(prefix.length),
    detail: String(props[k].description ?? '').split('\n')[0],
  }));
}

/** A rule id from a command argument: 'export-panic', a Diagnostic, or a `{ value }` code. */
function idFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const code = (arg as { code?: unknown }).code ?? arg;
    if (typeof code === 'string') return code;
    if (code && typeof code === 'object' && typeof (code as { value?: unknown }).value === 'string') return (code as { value: string }).value;
  }
  return undefined;
}

/** The rule of a g0guard diagnostic under the cursor, if any. */
function idAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const here = vscode.languages.getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'g0guard' && d.range.contains(at));
  return here.length ? idFrom(here[0]) : undefined;
}

export function ruleDocUri(context: vscode.ExtensionContext, id: string): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', 'rules', `${id}.md`);
}

export async function openRuleDocs(context: vscode.ExtensionContext, arg?: unknown): Promise<void> {
  const rules = manifestRules(context.extension.packageJSON);
  let id = idFrom(arg) ?? idAtCursor();
  if (!id) {
    const pick = await vscode.window.showQuickPick(rules, { title: 'g0guard: open rule documentation', matchOnDetail: true });
    id = pick?.id;
  }
  if (!id) return;
  const uri = ruleDocUri(context, id);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`g0guard: no documentation for rule "${id}"`);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // the built-in markdown extension can be disabled: show the source instead
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
