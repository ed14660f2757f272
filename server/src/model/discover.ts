// Walks folders the way `./...` does: vendor/, testdata/, dot- and underscore-folders are skipped,
// symlinked folders are not followed (no loops, nothing outside the tree). Yields package folders
// with the files cgo would compile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './read-source';

export const C_EXTENSIONS = new Set(['.c', '.h', '.cc', '.cpp', '.cxx', '.hh', '.hpp', '.hxx', '.m', '.inc']);

export interface FolderFiles { dir: string; goFiles: string[]; cFiles: string[]; goMod?: string }

export interface DiscoverResult { folders: FolderFiles[]; problems: string[] }

export function discover(roots: string[], exclude: (p: string) => boolean = () => false): DiscoverResult {
  const folders: FolderFiles[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let realRoot = '';
  const visit = (dir: string) => {
    if (seen.has(dir) || exclude(dir)) return;
    seen.add(dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(`${dir}: cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const here: FolderFiles = { dir, goFiles: [], cFiles: [] };
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !e.name.startsWith('_') && e.name !== 'vendor' && e.name !== 'testdata' && e.name !== 'node_modules') subdirs.push(full);
      } else if (e.isFile() && !exclude(full)) addFile(here, full);
      else if (e.isSymbolicLink() && !exclude(full) && isSourceName(e.name)) {
        // A linked file inside the checked folder is read like any other; a broken or looping link,
        // or one that leaves the folder, is named rather than skipped silently.
        try {
          const target = fs.realpathSync(full);
          if (!isInside(target, realRoot)) problems.push(`${full}: symbolic link to ${target}, outside the checked folder; skipped`);
          else if (fs.statSync(target).isFile()) addFile(here, full);
        } catch (err) {
          problems.push(`${full}: ${(err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loops' : 'broken symbolic link'}; skipped`);
        }
      }
    }
    if (here.goFiles.length || here.cFiles.length || here.goMod) folders.push(here);
    for (const s of subdirs) visit(s);
  };
  for (const root of roots) {
    let stat: fs.Stats;
    try { stat = fs.statSync(root); } catch (e) { problems.push(`${root}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); continue; }
    if (stat.isDirectory()) { realRoot = realpathOr(root); visit(path.resolve(root)); }
    else {
      const dir = path.dirname(path.resolve(root));
      const file = path.resolve(root);
      if (file.endsWith('.go')) folders.push({ dir, goFiles: [file], cFiles: [] });
      else if (C_EXTENSIONS.has(path.extname(file))) folders.push({ dir, goFiles: [], cFiles: [file] });
    }
  }
  return { folders, problems };
}

/** One folder, not walked below (a file opened outside every workspace folder). */
export function listFolder(dir: string): FolderFiles[] {
  const here: FolderFiles = { dir, goFiles: [], cFiles: [] };
  let names: string[] = [];
  try { names = fs.readdirSync(dir).sort(); } catch { return []; }
  for (const name of names) {
    const full = path.join(dir, name);
    try { if (fs.statSync(full).isFile()) addFile(here, full); } catch { /* gone, or a broken link */ }
  }
  return [here];
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
