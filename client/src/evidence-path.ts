// `g0guard.showEvidencePath`: shows the call path of the finding under the cursor in VS Code's call
// hierarchy view. The server focuses the path (g0guard.focusEvidencePath) and answers where its
// first function is; the hierarchy prepared there then lists only the path's hops, outgoing.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

interface Located { uri: string; range: { start: { line: number; character: number } } }

export async function showEvidencePath(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const here = editor.selection.active;
  const finding = vscode.languages.getDiagnostics(editor.document.uri)
    .find((d) => d.source === 'g0guard' && d.range.contains(here) && typeof (d as { data?: { key?: unknown } }).data?.key === 'string');
  if (!finding) {
    void vscode.window.showInformationMessage('g0guard: put the cursor on a g0guard finding to see its call path.');
    return;
  }
  const key = (finding as { data?: { key?: string } }).data!.key;
  const loc = await client.sendRequest(ExecuteCommandRequest.type, { command: 'g0guard.focusEvidencePath', arguments: [editor.document.uri.toString(), key] }) as Located | null;
  if (!loc) {
    void vscode.window.showInformationMessage('g0guard: this finding has no call path to show.');
    return;
  }
  const start = new vscode.Position(loc.range.start.line, loc.range.start.character);
  const target = await vscode.window.showTextDocument(vscode.Uri.parse(loc.uri), { selection: new vscode.Range(start, start) });
  target.selection = new vscode.Selection(start, start);
  await vscode.commands.executeCommand('references-view.showOutgoingCalls');
}
