// The server's picture of the workspace: one Root per workspace folder (plus a loose root for a file
// opened outside them), each with its discovered folders, the packages loaded per folder, and which
// folders an edit made stale. The analysis (analysis.ts) reloads stale folders and re-checks a root.
import * as path from 'node:path';
import { excludeMatcher, type AnalysisResult } from '../findings/analyze';
import { discover, listFolder, type FolderFiles } from '../model/discover';
import { isInside, type Package } from '../model/package';
import { resolveConfig, type ResolvedConfig } from './settings';

/** Something the engine threw on: the file it was reading (when known) gets an internal-error diagnostic. */
export interface InternalError { file?: string; message: string; detail: string }

export class Root {
  resolved: ResolvedConfig;
  folders = new Map<string, FolderFiles>();
  packages = new Map<string, Package[]>();
  /** Problems met while loading each folder (unreadable, too big, binary …), kept until it reloads. */
  folderProblems = new Map<string, string[]>();
  /** Files a folder's load had to skip because the extractor threw on them. */
  folderErrors = new Map<string, InternalError[]>();
  /** Folders whose packages must be loaded again before the next check. */
  readonly dirty = new Set<string>();
  /** Folders not loaded yet: the background indexer works through them in chunks. */
  readonly pending = new Set<string>();
  /** The whole tree has been loaded once (background indexing finished). */
  indexed = false;
  /** The last check's result per package group (keyed by the group's package identities). */
  componentResults = new Map<string, AnalysisResult>();
  /** File path → the result of the group that holds it (hover, code actions). */
  fileResults = new Map<string, AnalysisResult>();
  /** Files (Go, C, included headers) → the folders whose packages read them. */
  readers = new Map<string, Set<string>>();

  constructor(readonly dir: string, readonly loose: boolean, editorSettings: unknown) {
    this.resolved = resolveConfig(dir, editorSettings);
  }

  get config() { return this.resolved.config; }

  /** Lists the package folders again (files added or removed, exclude changed). */
  rediscover(skip: (dir: string) => boolean): { added: string[]; removed: string[] } {
    const before = this.folders;
    const found = this.loose ? listFolder(this.dir) : discover([this.dir], excludeFor(this, skip)).folders;
    this.folders = new Map(found.map((f) => [f.dir, f]));
    const added = [...this.folders.keys()].filter((d) => !before.has(d));
    const removed = [...before.keys()].filter((d) => !this.folders.has(d));
    for (const d of removed) { this.packages.delete(d); this.folderProblems.delete(d); this.folderErrors.delete(d); this.dirty.delete(d); this.pending.delete(d); }
    for (const [d, f] of this.folders) {
      const old = before.get(d);
      if (!old && !this.indexed) this.pending.add(d);
      else if (!old || old.goFiles.join('\0') !== f.goFiles.join('\0') || old.cFiles.join('\0') !== f.cFiles.join('\0')) this.dirty.add(d);
    }
    return { added, removed };
  }

  /** Marks the folders that read `file` (its own folder and any package that #includes it). */
  touch(file: string): boolean {
    const dirs = new Set(this.readers.get(file) ?? []);
    const own = path.dirname(file);
    if (this.folders.has(own)) dirs.add(own);
    for (const d of dirs) { this.dirty.add(d); this.pending.delete(d); }
    return dirs.size > 0;
  }

  contains(file: string): boolean {
    return this.loose ? path.dirname(file) === this.dir : isInside(file, this.dir);
  }

  /** Records which files a folder's packages read (for touch()). */
  noteReaders(dir: string, packages: Package[]): void {
    for (const set of this.readers.values()) set.delete(dir);
    for (const p of packages) {
      for (const f of [...p.goFiles, ...p.cFiles]) {
        let set = this.readers.get(f.path);
        if (!set) this.readers.set(f.path, (set = new Set()));
        set.add(dir);
      }
    }
  }

  /** Forget the results per group (settings changed: every group must be checked again). */
  forgetResults(): void {
    this.componentResults = new Map();
  }

  allPackages(): Package[] {
    return [...this.packages.values()].flat();
  }
}

export class Roots {
  private readonly roots: Root[] = [];

  constructor(private readonly settingsFor: (root: Root | string) => unknown) {}

  add(dir: string): Root {
    const existing = this.roots.find((r) => !r.loose && r.dir === dir);
    if (existing) return existing;
    const root = new Root(dir, false, this.settingsFor(dir));
    this.roots.push(root);
    return root;
  }

  remove(dir: string): Root | undefined {
    const i = this.roots.findIndex((r) => r.dir === dir && !r.loose);
    return i >= 0 ? this.roots.splice(i, 1)[0] : undefined;
  }

  all(): Root[] {
    return [...this.roots];
  }

  /** The deepest workspace root holding `file`; a loose root (its folder only) when none does. */
  ownerOf(file: string, create = true): Root | undefined {
    let best: Root | undefined;
    for (const r of this.roots) if (!r.loose && r.contains(file) && (!best || r.dir.length > best.dir.length)) best = r;
    if (best) return best;
    const dir = path.dirname(file);
    let loose = this.roots.find((r) => r.loose && r.dir === dir);
    if (!loose && create) {
      loose = new Root(dir, true, this.settingsFor(dir));
      loose.indexed = true; // one folder, loaded on demand: nothing to index in the background
      this.roots.push(loose);
      loose.rediscover(() => false);
    }
    return loose;
  }

  /** Folders that belong to a deeper workspace root than `root` (checked there, not twice). */
  nestedIn(root: Root): (dir: string) => boolean {
    const deeper = this.roots.filter((r) => !r.loose && r !== root && r.dir.length > root.dir.length && isInside(r.dir, root.dir));
    return (dir) => deeper.some((r) => isInside(dir, r.dir));
  }
}

function excludeFor(root: Root, skip: (dir: string) => boolean): (p: string) => boolean {
  const excluded = excludeMatcher(root.config.exclude, root.dir);
  return (p) => excluded(p) || (p !== root.dir && skip(p));
}
