// The language server's wiring: transport (`g0guard lsp --stdio` or `--node-ipc`), capability
// negotiation, and every LSP message routed to the session, hover and code-action modules through
// a guard that logs and answers emptily instead of letting bad input end the process.
import {
  createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind,
  IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import type { BackendName } from '../parse/backend';
import { version } from '../config/version';
import { createBackend } from '../parse/create-backend';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { focusEvidencePath, incomingCalls, outgoingCalls, prepareCallHierarchy } from './call-hierarchy';
import { completion, signatureHelp } from './completion';
import { declaration, definition, references } from './definition';
import { preambleSymbols } from './preamble-symbols';
import { semanticTokens, TOKEN_LEGEND } from './preamble-tokens';
import { installFaultInjection } from './fault-injection';
import { hover } from './hover';
import { Indexer } from './indexer';
import { MEMORY_REQUEST, memoryReport } from './memory';
import { negotiateEncoding, PositionCodec } from './position-encoding';
import { guard, guardAsync } from './safe-handler';
import { Session, type Logger } from './session';
import { SECTION } from './settings';
import { pathToUri, uriToPath } from './uri';

export const RESCAN_COMMAND = 'g0guard.rescan';
export const FOCUS_PATH_COMMAND = 'g0guard.focusEvidencePath';
const WATCHED = '**/{*.go,*.c,*.h,*.cc,*.cpp,*.cxx,*.hh,*.hpp,*.hxx,*.m,*.inc,go.mod,.g0guard.json}';

export function startLanguageServer(args: string[]): void {
  const connection = connect(args);
  const log: Logger = {
    info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m), error: (m) => connection.console.error(m),
    debug: (m) => connection.console.log(m),
  };
  // Nothing may write to stdout but the protocol; stray console output goes to the client's log.
  console.log = console.info = (...a: unknown[]) => log.info(a.join(' '));
  console.warn = (...a: unknown[]) => log.warn(a.join(' '));
  console.error = (...a: unknown[]) => log.error(a.join(' '));
  process.on('uncaughtException', (e) => log.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => log.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  const withFaults = installFaultInjection(process.env.G0GUARD_FAULT);

  const session = new Session(connection, log);
  const indexer = new Indexer(connection, session);
  session.onReindex = (roots) => void indexer.start(roots);
  const backendName: BackendName = process.env.G0GUARD_BACKEND === 'native' ? 'native' : 'wasm';
  const backendReady = createBackend(backendName).then((b) => { session.backend = withFaults(b); session.scheduler.request(); })
    .catch((e) => log.error(`g0guard: the ${backendName} parser failed to load: ${e?.stack ?? e}`));
  let dynamicWatch = false, dynamicConfig = false, workspaceFolderEvents = false;

  connection.onInitialize(guard(log, 'initialize', (params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const encoding = negotiateEncoding(caps.general?.positionEncodings);
    session.codec = new PositionCodec(encoding);
    session.client = {
      pullDiagnostics: !!caps.textDocument?.diagnostic,
      pullRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      markdownHover: caps.textDocument?.hover?.contentFormat ? caps.textDocument.hover.contentFormat.includes('markdown') : true,
      configuration: !!caps.workspace?.configuration,
    };
    dynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    dynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    const opts = params.initializationOptions as { settings?: unknown } | undefined;
    session.globalSettings = opts?.settings ?? (opts as Record<string, unknown> | undefined)?.[SECTION];
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined];
    for (const dir of folders) if (dir) session.roots.add(dir);
    log.info(`g0guard ${version()} (${backendName} parser, ${encoding} positions, ${session.client.pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        declarationProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['.'] },
        signatureHelpProvider: { triggerCharacters: ['('], retriggerCharacters: [','] },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [RESCAN_COMMAND, FOCUS_PATH_COMMAND] },
        callHierarchyProvider: true,
        semanticTokensProvider: { legend: TOKEN_LEGEND, full: true, range: true },
        documentSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(session.client.pullDiagnostics ? { diagnosticProvider: { identifier: 'g0guard', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'g0guard', version: version() },
    };
  }, { capabilities: {} }));

  connection.onInitialized(guardAsync(log, 'initialized', async () => {
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(guard(log, 'didChangeWorkspaceFolders', (e) => session.didChangeWorkspaceFolders(e), undefined));
    }
    // A client may refuse what it announced (eglot 1.9 answers an error when it cannot watch files):
    // the server goes on without it rather than never indexing.
    const register = async (what: string, doIt: () => Promise<unknown>) => {
      try { await doIt(); } catch (e) { log.warn(`the client refused to register ${what} (${e instanceof Error ? e.message : String(e)}); going on without it`); }
    };
    if (dynamicWatch) await register('file watching', () => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] }));
    if (dynamicConfig) await register('configuration changes', () => connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }));
    await backendReady;
    await refreshSettings(session, log);
    await indexer.start(session.roots.all().filter((r) => !r.loose));
  }, undefined));

  connection.onDidOpenTextDocument(guard(log, 'didOpen', (p) => session.didOpen(p), undefined));
  connection.onDidChangeTextDocument(guard(log, 'didChange', (p) => session.didChange(p), undefined));
  connection.onDidCloseTextDocument(guard(log, 'didClose', (p) => session.didClose(p?.textDocument?.uri), undefined));
  connection.onDidChangeWatchedFiles(guard(log, 'didChangeWatchedFiles', (p) => session.didChangeWatchedFiles(p?.changes), undefined));
  connection.onDidChangeConfiguration(guardAsync(log, 'didChangeConfiguration', async (p) => {
    const pushed = (p?.settings as Record<string, unknown> | undefined)?.[SECTION];
    if (pushed !== undefined) session.globalSettings = pushed;
    await refreshSettings(session, log);
  }, undefined));
  connection.onHover(guardAsync(log, 'hover', (p, token) => hover(session, p, token), null));
  connection.onDefinition(guardAsync(log, 'definition', (p, token) => definition(session, p, token), null));
  connection.onDeclaration(guardAsync(log, 'declaration', (p, token) => declaration(session, p, token), null));
  connection.onReferences(guardAsync(log, 'references', (p, token) => references(session, p, token), null));
  connection.onCompletion(guardAsync(log, 'completion', (p, token) => completion(session, p, token), null));
  connection.onSignatureHelp(guardAsync(log, 'signatureHelp', (p, token) => signatureHelp(session, p, token), null));
  connection.languages.callHierarchy.onPrepare(guardAsync(log, 'prepareCallHierarchy', (p, token) => prepareCallHierarchy(session, p, token), null));
  connection.languages.callHierarchy.onIncomingCalls(guard(log, 'incomingCalls', (p) => incomingCalls(session, p), null));
  connection.languages.callHierarchy.onOutgoingCalls(guard(log, 'outgoingCalls', (p) => outgoingCalls(session, p), null));
  connection.languages.semanticTokens.on(guardAsync(log, 'semanticTokens', (p, token) => semanticTokens(session, p, token), { data: [] }));
  connection.languages.semanticTokens.onRange(guardAsync(log, 'semanticTokens/range', (p, token) => semanticTokens(session, p, token), { data: [] }));
  connection.onDocumentSymbol(guardAsync(log, 'documentSymbol', (p, token) => preambleSymbols(session, p, token), null));
  connection.onCodeAction(guardAsync(log, 'codeAction', (p, token) => codeActions(session, p, token), []));
  connection.onExecuteCommand(guardAsync(log, 'executeCommand', async (p) => {
    if (p?.command === FOCUS_PATH_COMMAND) return focusEvidencePath(session, p.arguments);
    if (p?.command !== RESCAN_COMMAND) return null;
    session.rescanAll();
    await indexer.idle();
    return null;
  }, null));
  // Not LSP: memory and table sizes for leak hunting (memory.ts; npm run soak samples it).
  connection.onRequest(MEMORY_REQUEST, guard(log, MEMORY_REQUEST, (p: { gc?: boolean } | undefined) => memoryReport(session, p), null));
  connection.languages.diagnostics.on(guardAsync(log, 'diagnostic', async (p, token) => {
    const file = uriToPath(p?.textDocument?.uri);
    if (!file) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await session.ready(file, { token, wholeIndex: true });
    const got = session.publisher.forFile(file);
    if (got && p.previousResultId === got.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: got.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: got?.resultId, items: got?.items ?? [] };
  }, { kind: DocumentDiagnosticReportKind.Full, items: [] }));
  connection.listen();
}

/** Fetches `g0guard` settings per root (workspace/configuration) and applies them. */
async function refreshSettings(session: Session, log: Logger): Promise<void> {
  const roots = session.roots.all();
  const reindex = new Set<(typeof roots)[number]>();
  let values: unknown[] = roots.map(() => session.globalSettings);
  if (session.client.configuration && roots.length) {
    try {
      values = await session.connection.workspace.getConfiguration(roots.map((r) => ({ scopeUri: r.loose ? undefined : pathToUri(r.dir), section: SECTION })));
    } catch (e) {
      log.warn(`workspace/configuration failed: ${(e as Error)?.message ?? e}`);
    }
  }
  roots.forEach((r, i) => session.applySettings(r, values[i] ?? session.globalSettings, reindex));
  if (reindex.size) session.onReindex([...reindex]);
}


function connect(args: string[]): Connection {
  if (args.includes('--stdio')) return createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  if (args.includes('--node-ipc')) return createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  // --socket=N, --pipe=NAME: vscode-languageserver reads them from process.argv.
  if (args.some((a) => /^--(socket|pipe)=/.test(a))) return createConnection();
  process.stderr.write('usage: g0guard lsp (--stdio | --node-ipc | --socket=PORT | --pipe=NAME)\n');
  process.exit(2);
}
