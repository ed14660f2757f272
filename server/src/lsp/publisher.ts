// Turns a root's check into diagnostics per file and hands them to the client: pushed
// (textDocument/publishDiagnostics) only when a file's list or its document version changed, or
// kept for textDocument/diagnostic when the client pulls for open documents. Files that lose all
// their findings get an empty list, so nothing stale stays on screen. While a root indexes, lists
// only grow (a partial index is no reason to take a squiggle away or to say "nothing" first).
// The analysis result behind each file's list is kept with it: hovers and fixes answer from it.
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { configDiagnostic, configFailureDiagnostic, internalErrorDiagnostic, problemDiagnostic, toDiagnostic } from './diagnostics';
import type { AnalysisResult } from '../findings/analyze';
import type { Finding } from '../findings/finding';
import type { RootCheck } from './analysis';
import type { OpenDocuments } from './documents';
import type { PositionCodec } from './position-encoding';
import { pathToUri } from './uri';
import type { Root } from './workspace';
import { listAt } from '../util/list-at';

interface FileDiagnostics { items: Diagnostic[]; json: string; version: number | null; resultId: string }

export class Publisher {
  private readonly current = new Map<string, FileDiagnostics>();
  private readonly pushed = new Map<string, { json: string; version: number | null }>();
  private readonly owned = new Map<Root, Set<string>>();
  /** The result each file's non-empty list came from. */
  private readonly results = new Map<string, AnalysisResult>();
  private resultIds = 0;
  private readonly converted = new WeakMap<Finding, { version: number | null; codec: PositionCodec; d: Diagnostic }>();

  constructor(
    private readonly connection: Connection,
    private readonly docs: OpenDocuments,
    private readonly codec: () => PositionCodec,
    /** True when the client pulls diagnostics for open documents. */
    private readonly pulls: () => boolean,
  ) {}

  /** Publishes a root's check; returns whether any open document's diagnostics changed. */
  publishRoot(root: Root, check: RootCheck, triggers: Set<string>): boolean {
    const codec = this.codec();
    const byFile = new Map<string, Diagnostic[]>();
    const add = (file: string, d: Diagnostic) => listAt(byFile, file).push(d);
    const version = (file: string) => this.docs.get(file)?.version ?? null;
    for (const f of check.findings) {
      // Groups that were not checked again keep their Finding objects: reuse their conversion.
      const v = version(f.file.path);
      let hit = this.converted.get(f);
      if (!hit || hit.version !== v || hit.codec !== codec) this.converted.set(f, (hit = { version: v, codec, d: toDiagnostic(f, codec, v) }));
      add(f.file.path, hit.d);
    }
    const openHere = this.docs.all().filter((d) => root.contains(d.path) && root.folders.has(path.dirname(d.path)));
    for (const e of check.internalErrors) {
      const targets = e.file ? [e.file] : [...triggers].filter((t) => root.contains(t));
      for (const t of targets.length ? targets : openHere.map((d) => d.path)) add(t, internalErrorDiagnostic(e));
    }
    for (const doc of openHere) {
      for (const p of check.problems) if (p.startsWith(doc.path + ': ')) add(doc.path, problemDiagnostic(p.slice(doc.path.length + 2)));
    }
    const configFile = root.resolved.configFile;
    if (configFile) for (const p of [...root.resolved.problems, ...check.configProblems]) add(configFile, configDiagnostic(p));
    if (configFile && root.resolved.failure) add(configFile, configFailureDiagnostic(codec, root.resolved.failure));
    const before = this.owned.get(root) ?? new Set<string>();
    const owned = new Set<string>();
    let openChanged = false;
    // Open documents always hear back for their version, even with nothing to report (once indexed).
    for (const file of new Set([...before, ...byFile.keys(), ...openHere.map((d) => d.path)])) {
      const items = byFile.get(file) ?? [];
      if (root.indexed || this.grows(file, items)) {
        if (this.set(file, items)) openChanged = true;
        const result = check.fileResults.get(file);
        if (items.length && result) this.results.set(file, result); else this.results.delete(file);
      }
      if (this.current.get(file)?.items.length) owned.add(file);
    }
    this.owned.set(root, owned);
    return openChanged;
  }

  /** The result behind the file's diagnostics on screen (undefined when it shows none). */
  resultFor(file: string): AnalysisResult | undefined {
    return this.results.get(file);
  }

  /** `items` is not empty and keeps every diagnostic the file shows now. */
  private grows(file: string, items: Diagnostic[]): boolean {
    if (items.length === 0) return false;
    const now = new Set(items.map(identity));
    return (this.current.get(file)?.items ?? []).every((d) => now.has(identity(d)));
  }

  /** Clears everything a root published (the workspace folder was removed). */
  clearRoot(root: Root): void {
    for (const file of this.owned.get(root) ?? []) { this.set(file, []); this.results.delete(file); }
    this.owned.delete(root);
  }

  /** What a pull for this file returns. */
  forFile(file: string): FileDiagnostics | undefined {
    return this.current.get(file);
  }

  /** A document opened in pull mode: its pushed list (from the index) would show twice. */
  opened(file: string): void {
    if (this.pulls() && this.pushed.get(file)?.json !== '[]') this.push(file, [], '[]', null);
  }

  private set(file: string, items: Diagnostic[]): boolean {
    const json = JSON.stringify(items);
    const version = this.docs.get(file)?.version ?? null;
    const prev = this.current.get(file);
    const changed = !prev || prev.json !== json;
    this.current.set(file, { items, json, version, resultId: changed ? String(++this.resultIds) : prev!.resultId });
    const open = this.docs.get(file) !== undefined;
    if (open && this.pulls()) return changed;
    const last = this.pushed.get(file);
    if (!last || last.json !== json || last.version !== version) this.push(file, items, json, version);
    return open && changed;
  }

  private push(file: string, items: Diagnostic[], json: string, version: number | null): void {
    this.pushed.set(file, { json, version });
    const params: { uri: string; diagnostics: Diagnostic[]; version?: number } = { uri: pathToUri(file), diagnostics: items };
    if (version !== null) params.version = version;
    void this.connection.sendDiagnostics(params);
  }
}

/** A diagnostic as the user sees it (not its data, which carries the document version). */
function identity(d: Diagnostic): string {
  return `${String(d.code)}\u0000${d.severity}\u0000${d.message}\u0000${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}
