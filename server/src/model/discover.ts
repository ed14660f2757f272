// Walks folders the way `./...` does: vendor/, testdata/, dot- and underscore-folders are skipped,
// symlinked folders are not followed (no loops, nothing outside the tree). Yields package folders
// with the files cgo would compile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './read-source';

export const C_EXTENSIONS = new Set(['.c', '.h', '.cc', '.cpp', '.cxx', '.hh', '.hpp', '.hxx', '.m', '.inc']);

export interface FolderFiles { dir: string; goFiles: string[]; cFiles: string[]; goMod?: string }

export interface DiscoverResult { folders: FolderFiles[]; problems: string[] }

/**
 * Folders are walked like `./...`. A named file stands for its module, walked like `./...` from the
 * go.mod (the callers and callees of its functions may live in any package of it), or for its own
 * folder when no go.mod is above it; which findings are reported is named-paths.ts's business.
 */
export function discover(roots: string[], exclude: (p: string) => boolean = () => false): DiscoverResult {
  const lister = new FolderLister(exclude);
  const namedFiles: string[] = [];
  for (const root of roots) {
    let stat: fs.Stats;
    try { stat = fs.statSync(root); } catch (e) { lister.problems.push(`${root}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); continue; }
    if (stat.isDirectory()) lister.visit(path.resolve(root), true);
    else if (isSourceName(root)) namedFiles.push(path.resolve(root));
    else lister.problems.push(`${root}: not a Go, C or C++ file; skipped`);
  }
  for (const file of namedFiles) {
    const module = findModule(path.dirname(file));
    if (module) lister.visit(module.dir, true);
    lister.visit(path.dirname(file), false); // a folder ./... skips (testdata/, _x/) is still the named file's package
  }
  return { folders: lister.folders, problems: lister.problems };
}

/** The folder a check of `file` reads from: its module's, else its own. */
export function folderForFile(file: string): string {
  const dir = path.dirname(path.resolve(file));
  return findModule(dir)?.dir ?? dir;
}

/** One folder, not walked below (a file opened outside every workspace folder). */
export function listFolder(dir: string): FolderFiles[] {
  const lister = new FolderLister(() => false);
  lister.visit(dir, false);
  return lister.folders.length ? lister.folders : [{ dir, goFiles: [], cFiles: [] }];
}

class FolderLister {
  readonly folders: FolderFiles[] = [];
  readonly problems: string[] = [];
  private readonly seen = new Set<string>();
  private realTop = '';

  constructor(private readonly exclude: (p: string) => boolean) {}

  /** Lists `top`'s package files and, with `walk`, its subfolders'; each folder once. */
  visit(top: string, walk: boolean): void {
    this.realTop = realpathOr(top);
    this.list(top, walk);
  }

  private list(dir: string, walk: boolean): void {
    if (this.seen.has(dir) || this.exclude(dir)) return;
    this.seen.add(dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.problems.push(`${dir}: cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const here: FolderFiles = { dir, goFiles: [], cFiles: [] };
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !e.name.startsWith('_') && e.name !== 'vendor' && e.name !== 'testdata' && e.name !== 'node_modules') subdirs.push(full);
      } else if (e.isFile() && !this.exclude(full)) addFile(here, full);
      else if (e.isSymbolicLink() && !this.exclude(full) && isSourceName(e.name)) this.linkedFile(here, full);
    }
    if (here.goFiles.length || here.cFiles.length || here.goMod) this.folders.push(here);
    if (walk) for (const s of subdirs) this.list(s, true);
  }

  /** A linked file inside the checked folder is read like any other; a broken or looping link, or one that leaves the folder, is named. */
  private linkedFile(here: FolderFiles, full: string): void {
    try {
      const target = fs.realpathSync(full);
      if (!isInside(target, this.realTop)) this.problems.push(`${full}: symbolic link to ${target}, outside the checked folder; skipped`);
      else if (fs.statSync(target).isFile()) addFile(here, full);
    } catch (err) {
      this.problems.push(`${full}: ${(err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loops' : 'broken symbolic link'}; skipped`);
    }
  }
}

function isSourceName(name: string): boolean {
  return name.endsWith('.go') || C_EXTENSIONS.has(path.extname(name));
}

/** Files a package folder holds for the build: Go, C and C++ sources and headers, its go.mod. */
function addFile(here: FolderFiles, file: string): void {
  const ext = path.extname(file);
  if (ext === '.go') here.goFiles.push(file);
  else if (C_EXTENSIONS.has(ext)) here.cFiles.push(file);
  else if (path.basename(file) === 'go.mod') here.goMod = file;
}

/** The module path of the nearest go.mod at or above `dir`, and the folder it is in. */
export function findModule(dir: string, stopAt?: string): { path: string; dir: string } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'go.mod');
    try {
      const text = fs.readFileSync(file, 'utf8');
      const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(text);
      if (m) return { path: m[1], dir: d };
    } catch { /* not here */ }
    if (d === stopAt || path.dirname(d) === d) return undefined;
  }
}

function realpathOr(p: string): string {
  try { return fs.realpathSync(p); } catch { return path.resolve(p); }
}
