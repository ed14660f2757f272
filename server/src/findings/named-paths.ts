// What a check was asked about. A named folder covers every finding under it; a named file covers
// the findings in it and those whose evidence passes through it (a Go↔C cycle reported in the Go
// file is also the named C file's business), although its whole module was read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from './finding';

/** Undefined when only folders are named: every finding of the check is theirs. */
export function namedPathsFilter(paths: string[]): ((f: Finding) => boolean) | undefined {
  const files = new Set<string>();
  const folders: string[] = [];
  for (const p of paths) {
    const full = path.resolve(p);
    let isDir = false;
    try { isDir = fs.statSync(full).isDirectory(); } catch { /* gone: named as a file */ }
    if (isDir) folders.push(full.endsWith(path.sep) ? full : full + path.sep);
    else files.add(full);
  }
  if (files.size === 0) return undefined;
  const named = (file: string) => files.has(file) || folders.some((d) => file.startsWith(d));
  return (f) => named(f.file.path) || f.related.some((r) => named(r.file.path));
}
