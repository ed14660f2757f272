// The VS Code extension: starts the bundled language server (dist/server.js, wasm tree-sitter,
// no native module) over node IPC for Go workspaces, answers its settings requests, and adds the
// re-scan, rule-docs and evidence-path commands plus an output channel with the server's log.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { showEvidencePath } from './evidence-path';
import { rescan, serverRescanCommand } from './rescan';
import { openRuleDocs } from './rule-docs';
import { configurationMiddleware, declaredKeys } from './settings';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('g0guard', { log: true });
  context.subscriptions.push(log);
  const dist = context.asAbsolutePath('dist');
  const module = path.join(dist, 'server.js');
  // The server finds grammars/ and server/queries/ under dist/ by itself; the variable makes it
  // independent of where the bundle sits.
  const options = { env: { ...process.env, G0GUARD_RESOURCES: dist } };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options },
    debug: { module, transport: TransportKind.ipc, options: { ...options, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const keys = declaredKeys(context.extension.packageJSON);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'go' },
      { scheme: 'file', language: 'c' },
      { scheme: 'file', language: 'cpp' },
      { scheme: 'file', pattern: '**/go.mod' },
    ],
    // No `synchronize`: the server registers its own file watchers (Go, C, go.mod, .g0guard.json)
    // and its didChangeConfiguration interest dynamically, then pulls workspace/configuration.
    middleware: { workspace: { configuration: configurationMiddleware(keys) } },
    // hovers may link to a rule's page (command:g0guard.openRuleDocs?["id"]); no other command runs
    markdown: { isTrusted: { enabledCommands: ['g0guard.openRuleDocs'] } },
    outputChannel: log,
    traceOutputChannel: log,
  };
  client = new LanguageClient('g0guard', 'g0guard', serverOptions, clientOptions);
  const running = client;

  context.subscriptions.push(
    vscode.commands.registerCommand('g0guard.openRuleDocs', (arg?: unknown) => openRuleDocs(context, arg)),
    vscode.commands.registerCommand('g0guard.showEvidencePath', () => showEvidencePath(running)),
  );
  try {
    await running.start();
  } catch (e) {
    log.error(`[client] the g0guard server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage('g0guard: the language server did not start; see the g0guard output.');
  }
  // A server that calls its own command `g0guard.rescan` gets it registered by the client
  // library (executeCommandProvider); register ours only when that name is still free.
  if (!(await vscode.commands.getCommands(true)).includes('g0guard.rescan')) {
    context.subscriptions.push(vscode.commands.registerCommand('g0guard.rescan', () => rescan(running, log)));
  }
  log.info(`[client] g0guard started (server ${module}; re-scan via ${serverRescanCommand(running) ?? 'restart'})`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
