// A small LSP client for the tests: spawns the real server (`node bin/g0guard lsp --stdio`), speaks
// JSON-RPC to it over stdio (vscode-jsonrpc), answers the server's requests (configuration,
// registration, progress tokens) and lets a test wait for a specific notification with a timeout.
// No mocked connection and no sleeps: every wait names what it waits for.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'bin', 'g0guard');
export const RULE_FIXTURES = path.join(REPO, 'test', 'fixtures', 'rules');

export interface ClientOptions {
  /** Workspace folders (paths); the first is also rootUri. */
  folders?: string[];
  /** The `g0guard` section answered to workspace/configuration (per scope URI when a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  /** Merged into the default client capabilities. */
  capabilities?: Record<string, unknown>;
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** Extra node flags for the server process (e.g. --cpu-prof when profiling the benchmark). */
  nodeArgs?: string[];
  /** Answer client/registerCapability with an error, as eglot 1.9 does when it cannot watch files. */
  refuseRegistration?: boolean;
}

export interface ProgressEvent { token: unknown; value: { kind: string; message?: string; percentage?: number; title?: string } }

type Listener = () => void;

/** Cleanups of LspClient.forTest, run by a hook of the test file that imported this harness. */
const endOfFile: (() => Promise<void>)[] = [];
after(async () => { for (const c of endOfFile.splice(0)) await c(); });

export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly publishCount = new Map<string, number>();
  /** Every publish, in arrival order. */
  readonly history: PublishDiagnosticsParams[] = [];
  /** Called on every publish as it arrives (a test that must react before the next message). */
  readonly onPublish = new Set<(p: PublishDiagnosticsParams) => void>();
  readonly progress: ProgressEvent[] = [];
  readonly logs: string[] = [];
  readonly refreshes: number[] = [];
  initializeResult: any;
  stderr = '';
  private listeners = new Set<Listener>();
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  settings: unknown;

  private constructor(readonly proc: ChildProcess, readonly connection: MessageConnection) {}

  /** A server for a test: stopped, and `temps` removed, when the test file is done. */
  static async forTest(opts: ClientOptions, ...temps: string[]): Promise<LspClient> {
    const client = await LspClient.start(opts);
    endOfFile.push(async () => { await client.stop(); for (const t of temps) removeTemp(t); });
    return client;
  }

  static async start(opts: ClientOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, 'lsp', '--stdio'], { env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, connection);
    client.settings = opts.settings;
    proc.stderr!.on('data', (d) => { client.stderr += d; });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.set(p.uri, p);
      client.history.push(p);
      client.publishCount.set(p.uri, (client.publishCount.get(p.uri) ?? 0) + 1);
      for (const l of client.onPublish) l(p);
      client.notify();
    });
    connection.onNotification('$/progress', (p: ProgressEvent) => { client.progress.push(p); client.notify(); });
    connection.onNotification('window/logMessage', (p: { message: string }) => { client.logs.push(p.message); client.notify(); });
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((i) => (i.section === 'g0guard' ? (typeof client.settings === 'function' ? (client.settings as (s?: string) => unknown)(i.scopeUri) : client.settings ?? null) : null)));
    connection.onRequest('client/registerCapability', () => (opts.refuseRegistration ? new ResponseError(-32603, 'Internal error') : null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => { client.refreshes.push(Date.now()); client.notify(); return null; });
    connection.listen();
    const folders = opts.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uri(f), name: path.basename(f) })),
      initializationOptions: opts.initializationOptions,
      capabilities: merge({
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      }, opts.capabilities ?? {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves with the first value `probe` returns that is not undefined, checking now and on every message. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let v: T | undefined;
        try { v = probe(); } catch (e) { done(); reject(e); return; }
        if (v !== undefined) { done(); resolve(v); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver stderr:\n${this.stderr.slice(-3000)}\nlog:\n${this.logs.slice(-20).join('\n')}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); this.listeners.delete(check); };
      this.listeners.add(check);
      check();
    });
  }

  /** The diagnostics of `file` once a publish satisfies `ok` (by default: one for the document's current version). */
  diagnostics(file: string, ok?: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<Diagnostic[]> {
    const u = uri(file);
    const version = this.versions.get(u);
    return this.waitFor(`diagnostics for ${path.basename(file)}${version !== undefined ? ` v${version}` : ''}`, () => {
      const p = this.published.get(u);
      if (!p) return undefined;
      if (version !== undefined && !ok && p.version !== version) return undefined;
      if (ok && !ok(p.diagnostics, p)) return undefined;
      return p.diagnostics;
    }, timeoutMs);
  }

  /** Waits for the end of the server's work-done progress (indexing finished, diagnostics out). */
  indexed(timeoutMs?: number): Promise<void> {
    return this.waitFor('indexing progress end', () => (this.progress.some((p) => p.value.kind === 'end') ? true : undefined), timeoutMs).then(() => undefined);
  }

  async open(file: string, text = fs.readFileSync(file, 'utf8'), languageId = languageOf(file)): Promise<string> {
    const u = uri(file);
    this.versions.set(u, 1);
    this.texts.set(u, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId, version: 1, text } });
    return u;
  }

  /** Sends incremental changes (ranges in the server's position encoding) and tracks the text. */
  async change(file: string, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<number> {
    const u = uri(file);
    const version = (this.versions.get(u) ?? 0) + 1;
    this.versions.set(u, version);
    let doc = TextDocument.create(u, 'go', version - 1, this.texts.get(u) ?? '');
    doc = TextDocument.update(doc, changes as any, version);
    this.texts.set(u, doc.getText());
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text through one incremental change covering the document. */
  async replaceAll(file: string, text: string): Promise<number> {
    const old = this.text(file);
    const doc = TextDocument.create(uri(file), 'go', 0, old);
    return this.change(file, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(old.length) }, text }]);
  }

  async close(file: string): Promise<void> {
    const u = uri(file);
    this.versions.delete(u);
    this.texts.delete(u);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  }

  text(file: string): string {
    return this.texts.get(uri(file)) ?? fs.readFileSync(file, 'utf8');
  }

  version(file: string): number | undefined {
    return this.versions.get(uri(file));
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notification(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Applies a WorkspaceEdit to the open documents (as an editor would) and sends the changes. */
  async apply(edit: WorkspaceEdit): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const perDoc: [string, TextEdit[]][] = edit.documentChanges
      ? (edit.documentChanges as { textDocument: { uri: string }; edits: TextEdit[] }[]).map((c) => [c.textDocument.uri, c.edits])
      : Object.entries(edit.changes ?? {});
    for (const [u, edits] of perDoc) {
      const file = fileURLToPath(u);
      const before = this.text(file);
      const after = TextDocument.applyEdits(TextDocument.create(u, 'go', 0, before), edits);
      out.set(file, after);
      if (this.texts.has(u)) await this.replaceAll(file, after);
      else fs.writeFileSync(file, after);
    }
    return out;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      const exited = new Promise((resolve) => this.proc.once('exit', resolve));
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), exited]);
        await this.connection.sendNotification('exit');
      } catch { /* already gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (this.proc.exitCode === null) this.proc.kill();
    }
    this.connection.dispose();
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}

function languageOf(file: string): string {
  if (file.endsWith('.go')) return 'go';
  if (/\.(c|h)$/.test(file)) return 'c';
  if (/\.(cc|cpp|cxx|hh|hpp|hxx)$/.test(file)) return 'cpp';
  return 'plaintext';
}

function merge(a: any, b: any): any {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return b;
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = a && typeof a[k] === 'object' && !Array.isArray(a[k]) ? merge(a[k], v) : v;
  return out;
}

/** A fresh temporary folder holding `files` (relative path → text); removed by the returned cleanup. */
export function tempWorkspace(files: Record<string, string>, prefix = 'g0guard-lsp-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** A copy of test/fixtures/rules/<rule>/<kind>/<name> in a temporary folder. */
export function copyFixture(rule: string, kind: 'flagged' | 'safe', name: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `g0guard-${name}-`)));
  fs.cpSync(path.join(RULE_FIXTURES, rule, kind, name), dir, { recursive: true });
  return dir;
}

export function removeTemp(dir: string): void {
  if (dir.startsWith(fs.realpathSync(os.tmpdir()))) fs.rmSync(dir, { recursive: true, force: true });
}

/** 0-based line of the first line containing `needle`, and the UTF-16 column where it starts. */
export function find(text: string, needle: string, from = 0): { line: number; character: number } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, i);
  const line = before.split(/\r\n|\n|\r/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: i - lineStart };
}
