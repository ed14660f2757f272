// `g0guard.rescan`: asks the server to index the workspace again (after a branch switch, a
// generated file, a build tag change). Uses the server's own command when it advertises one
// through executeCommandProvider; a server without one is restarted, which re-indexes too.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** Server-side command names we understand as "re-scan the workspace". */
const RESCAN = /(^|[./:])(rescan|re-scan|reindex|re-index)$/i;

export function serverRescanCommand(client: LanguageClient): string | undefined {
  const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  return commands.find((c) => RESCAN.test(c));
}

export async function rescan(client: LanguageClient, log: vscode.OutputChannel): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'g0guard: re-scanning' }, async () => {
    const command = serverRescanCommand(client);
    if (command) {
      log.appendLine(`[client] re-scan via workspace/executeCommand ${command}`);
      await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] });
    } else {
      log.appendLine('[client] re-scan: the server has no re-scan command; restarting it');
      await client.restart();
    }
  });
}
