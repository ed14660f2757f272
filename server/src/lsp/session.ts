// The server's state and its reactions to the client: open documents, file events, settings and
// workspace folders mark folders stale and ask the scheduler for a check; a check re-reads only
// the stale folders (big open Go files incrementally), re-runs the graph and rules per root and
// publishes. Requests (hover, code actions, pull) wait for the check that saw their document.
import * as path from 'node:path';
import { cViewKey } from '../model/c-units';
import type { CancellationToken, Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams, FileEvent, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import type { AnalysisResult } from '../findings/analyze';
import { findingKey, type Finding } from '../findings/finding';
import { C_EXTENSIONS } from '../model/discover';
import { clearModuleCache, type FactCache } from '../model/package';
import type { ParserBackend } from '../parse/backend';
import { checkRoot, type AnalysisEnv } from './analysis';
import type { FocusedPath } from './call-hierarchy';
import { OpenDocuments } from './documents';
import { FileTexts } from './file-texts';
import { IncrementalGo } from './incremental-go';
import { PositionCodec } from './position-encoding';
import { Publisher } from './publisher';
import { Scheduler } from './scheduler';
import { isConfigFile, loadingChanged, resolveConfig } from './settings';
import { uriToPath } from './uri';
import { Root, Roots } from './workspace';

export interface Logger { info(m: string): void; warn(m: string): void; error(m: string): void; /** Per-check detail. */ debug(m: string): void }

export interface ClientFeatures {
  pullDiagnostics: boolean;
  pullRefresh: boolean;
  documentChanges: boolean;
  markdownHover: boolean;
  configuration: boolean;
}

export class Session {
  readonly docs: OpenDocuments;
  readonly texts: FileTexts;
  readonly cache: FactCache = new Map();
  /** Outline facts, apart from the full ones (LoadOptions.outlineCache). */
  readonly outlineCache: FactCache = new Map();
  readonly roots: Roots;
  readonly scheduler: Scheduler;
  readonly publisher: Publisher;
  codec = new PositionCodec('utf-16');
  client: ClientFeatures = { pullDiagnostics: false, pullRefresh: false, documentChanges: false, markdownHover: true, configuration: false };
  backend: ParserBackend | undefined;
  /** Editor settings per root folder (workspace/configuration), or one global object. */
  readonly editorSettings = new Map<string, unknown>();
  globalSettings: unknown;
  private readonly incremental: IncrementalGo;
  private readonly stale = new Set<Root>();
  private readonly changedGo = new Set<string>();
  private triggers = new Set<string>();
  private readonly keyIndex = new WeakMap<AnalysisResult, Map<string, Finding>>();
  /** An evidence path the next call hierarchy on its first function follows (call-hierarchy.ts). */
  focusedPath: FocusedPath | undefined;
  /** Called when the roots need indexing again (folders added, go.mod or exclude changed, re-scan). */
  onReindex: (roots: Root[]) => void = () => undefined;

  constructor(readonly connection: Connection, readonly log: Logger) {
    this.docs = new OpenDocuments(() => this.codec);
    this.texts = new FileTexts(this.docs);
    this.roots = new Roots((r) => this.settingsFor(typeof r === 'string' ? r : r.dir));
    this.incremental = new IncrementalGo(() => this.backend!, this.cache);
    this.scheduler = new Scheduler(() => this.check(), (e) => this.log.error(`check failed: ${(e as Error)?.stack ?? e}`));
    this.publisher = new Publisher(connection, this.docs, () => this.codec, () => this.client.pullDiagnostics);
  }

  get env(): AnalysisEnv {
    return {
      backend: this.backend!, readFile: this.texts.read, cache: this.cache, outlineCache: this.outlineCache,
    };
  }

  settingsFor(dir: string): unknown {
    return this.editorSettings.get(dir) ?? this.globalSettings;
  }

  // ── documents ──────────────────────────────────────────────────────────────

  didOpen(p: DidOpenTextDocumentParams): void {
    const td = p?.textDocument;
    const doc = td && this.docs.open(td.uri, td.languageId, td.version, td.text);
    if (!doc) return;
    const root = this.roots.ownerOf(doc.path)!;
    const folder = root.folders.get(path.dirname(doc.path));
    // A file made since the folders were listed (by a tool, without file events) joins its package.
    if (isSource(doc.path) && (!folder || ![...folder.goFiles, ...folder.cFiles].includes(doc.path))) root.rediscover(this.roots.nestedIn(root));
    this.publisher.opened(doc.path);
    this.changed(doc.path);
  }

  didChange(p: DidChangeTextDocumentParams): void {
    const file = uriToPath(p?.textDocument?.uri);
    if (!file || !this.docs.change(file, p.textDocument.version, p.contentChanges)) return;
    this.changed(file);
  }

  didClose(uri: string): void {
    const file = uriToPath(uri);
    if (!file || !this.docs.close(file)) return;
    this.incremental.drop(file);
    // The text on disk takes over again (unsaved edits are gone).
    this.changed(file);
  }

  // ── workspace ──────────────────────────────────────────────────────────────

  didChangeWatchedFiles(changes: FileEvent[]): void {
    const reindex = new Set<Root>();
    for (const c of Array.isArray(changes) ? changes : []) {
      const file = uriToPath(c?.uri);
      if (!file) continue;
      this.texts.forget(file);
      if (isConfigFile(file)) {
        // .g0guard.json applies to roots at or below its folder: re-read it for all (cheap).
        for (const root of this.roots.all()) this.reloadSettings(root, reindex);
        continue;
      }
      if (path.basename(file) === 'go.mod') {
        clearModuleCache();
        for (const root of this.roots.all()) if (root.contains(file)) reindex.add(root);
        continue;
      }
      if (!isSource(file)) continue;
      if (c.type !== FileChangeType.Changed) {
        for (const root of this.roots.all()) if (root.contains(file)) { root.rediscover(this.roots.nestedIn(root)); this.stale.add(root); }
        if (c.type === FileChangeType.Deleted) { this.cache.delete(file); this.cache.delete(cViewKey(file)); this.outlineCache.delete(file); }
      }
      if (this.docs.get(file)) continue; // the open document is the truth, not the disk
      this.changed(file);
    }
    if (reindex.size) this.onReindex([...reindex]);
    this.scheduler.request();
  }

  didChangeWorkspaceFolders(e: WorkspaceFoldersChangeEvent): void {
    for (const f of e?.removed ?? []) {
      const dir = uriToPath(f.uri);
      const root = dir && this.roots.remove(dir);
      if (root) this.publisher.clearRoot(root);
    }
    const added: Root[] = [];
    for (const f of e?.added ?? []) {
      const dir = uriToPath(f.uri);
      if (dir) added.push(this.roots.add(dir));
    }
    if (added.length) this.onReindex(added);
  }

  /** New editor settings arrived: re-check, or re-index when loading depends on them. */
  applySettings(root: Root, settings: unknown, reindex: Set<Root>): void {
    this.editorSettings.set(root.dir, settings);
    this.reloadSettings(root, reindex);
  }

  private reloadSettings(root: Root, reindex: Set<Root>): void {
    const before = root.config;
    root.resolved = resolveConfig(root.dir, this.settingsFor(root.dir));
    root.forgetResults();
    for (const p of root.resolved.problems) this.log.warn(p);
    if (loadingChanged(before, root.config)) reindex.add(root);
    this.stale.add(root);
    this.scheduler.request();
  }

  /** Forgets what was read from disk and loads every root again (the facts cache stays valid by text). */
  rescanAll(): void {
    this.texts.clear();
    clearModuleCache();
    this.onReindex(this.roots.all().filter((r) => !r.loose));
  }

  markStale(root: Root): void {
    this.stale.add(root);
  }

  // ── checks ─────────────────────────────────────────────────────────────────

  private changed(file: string): void {
    // Module paths are read from go.mod on disk: an open go.mod counts when saved (file events).
    if (path.basename(file) === 'go.mod') return;
    if (file.endsWith('.go') && this.docs.get(file)) this.changedGo.add(file);
    this.triggers.add(file);
    for (const root of this.roots.all()) if (root.touch(file)) this.stale.add(root);
    this.scheduler.request();
  }

  private check(): void {
    if (!this.backend) return;
    const notes: string[] = [];
    for (const file of this.changedGo) {
      const text = this.docs.text(file);
      if (text === undefined) continue;
      try {
        const { mode } = this.incremental.update(file, text);
        const how = { piece: 'one function', skeleton: 'outside its functions', full: 'whole' } as Record<string, string>;
        if (how[mode]) notes.push(`${path.basename(file)} re-read ${how[mode]}`);
      } catch (e) {
        this.incremental.drop(file);
        this.log.warn(`incremental facts for ${file} failed, reading it whole: ${(e as Error)?.stack ?? e}`);
      }
    }
    this.changedGo.clear();
    const triggers = this.triggers;
    this.triggers = new Set();
    let refresh = false;
    for (const root of this.roots.all()) {
      if (!this.stale.has(root)) continue;
      this.stale.delete(root);
      const check = checkRoot(root, this.env);
      for (const e of check.internalErrors) this.log.error(`${e.file ?? root.dir}: ${e.message}\n${e.detail}`);
      if (this.publisher.publishRoot(root, check, triggers)) refresh = true;
      this.log.debug(`checked ${root.dir}: ${[...notes, `${check.reloaded.length} folder(s) reloaded`, `${check.checked}/${check.components} package groups re-checked`].join(', ')}, ${check.functions} functions, ${check.findings.length} findings, ${check.ms.toFixed(1)} ms`);
    }
    if (refresh && this.client.pullDiagnostics && this.client.pullRefresh) this.connection.languages.diagnostics.refresh();
  }

  // ── queries ────────────────────────────────────────────────────────────────

  /** Waits until a check has seen the current state (so positions match the document's text). */
  async settled(): Promise<void> {
    if (this.scheduler.pending) await this.scheduler.whenDone();
  }

  /**
   * Waits, at most `limitMs` and until cancelled, for an answer about `file` that will not change
   * under the user: a check that saw the current texts, with the file's folder read ahead of the
   * background index. With `wholeIndex`, a file that shows nothing yet also waits for its root's
   * index (a pull answered "nothing" and then "something" is a flicker).
   */
  async ready(file: string, opts: { token?: CancellationToken; limitMs?: number; wholeIndex?: boolean } = {}): Promise<void> {
    const root = this.roots.ownerOf(file, false);
    if (root?.pending.has(path.dirname(file)) && root.touch(file)) { this.stale.add(root); this.scheduler.request(); }
    const wait = async () => {
      await this.settled();
      if (opts.wholeIndex && root) while (!root.indexed && !this.publisher.forFile(file)?.items.length && this.roots.all().includes(root)) await this.scheduler.whenDone(this.scheduler.requestedGeneration + 1);
    };
    await bounded(wait(), opts.limitMs ?? READY_LIMIT_MS, opts.token);
  }

  /** The result behind the file's diagnostics on screen, else the latest check's. */
  resultFor(file: string): AnalysisResult | undefined {
    return this.publisher.resultFor(file) ?? this.roots.ownerOf(file, false)?.fileResults.get(file);
  }

  findingsIn(file: string): Finding[] {
    return this.resultFor(file)?.findings.filter((f) => f.file.path === file) ?? [];
  }

  findingByKey(file: string, key: string): Finding | undefined {
    const result = this.resultFor(file);
    if (!result) return undefined;
    let map = this.keyIndex.get(result);
    if (!map) { map = new Map(result.findings.map((f) => [findingKey(f), f])); this.keyIndex.set(result, map); }
    return map.get(key);
  }

  /** The text the engine reads for a file now (open document or disk). */
  currentText(file: string): string | undefined {
    return this.docs.text(file) ?? this.texts.diskText(file);
  }
}

/** How long a request waits for its file's analysis before answering from what there is. */
const READY_LIMIT_MS = 10_000;

function bounded(work: Promise<void>, ms: number, token?: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const cancel = token?.onCancellationRequested(done);
    function done() { clearTimeout(timer); cancel?.dispose(); resolve(); }
    work.then(done, done);
  });
}

function isSource(file: string): boolean {
  return file.endsWith('.go') || C_EXTENSIONS.has(path.extname(file));
}
