// Turns a root's check into diagnostics per file and hands them to the client: pushed
// (textDocument/publishDiagnostics) only when a file's list or its document version changed, or
// kept for textDocument/diagnostic when the client pulls for open documents. Files that lose all
// their findings get an empty list, so nothing stale stays on screen.
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import * as fs from 'node:fs';
import { configDiagnostic, configFailureDiagnostic, internalErrorDiagnostic, problemDiagnostic, toDiagnostic } from './diagnostics';
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
    if (configFile) for (const p of root.resolved.problems) add(configFile, configDiagnostic(p));
    if (configFile && root.resolved.failure) add(configFile, configFailureDiagnostic(this.codec(), readText(configFile), root.resolved.failure));
    const before = this.owned.get(root) ?? new Set<string>();
    this.owned.set(root, new Set(byFile.keys()));
    let openChanged = false;
    // Open documents always hear back for their version, even with nothing to report.
    for (const file of new Set([...before, ...byFile.keys(), ...openHere.map((d) => d.path)])) {
      if (this.set(file, byFile.get(file) ?? [])) openChanged = true;
    }
    return openChanged;
  }

  /** Clears everything a root published (the workspace folder was removed). */
  clearRoot(root: Root): void {
    for (const file of this.owned.get(root) ?? []) this.set(file, []);
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

function readText(file: string): string | undefined {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}
