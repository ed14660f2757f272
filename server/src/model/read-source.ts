// Reading a source file for the model: unreadable, oversized and binary files are reported and
// skipped; include candidates that do not exist are skipped quietly. Nothing outside the workspace.
import * as path from 'node:path';
import { formatBytes } from '../text/format-bytes';
import { tuneHeapForFile } from '../util/big-file-heap';

export interface ReadOptions {
  readFile: (file: string) => string;
  maxFileBytes: number;
  problem: (message: string) => void;
}

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** The file's text, or undefined (reported unless `mayBeMissing` and it does not exist). */
export function readChecked(file: string, opts: ReadOptions, mayBeMissing = false): string | undefined {
  let text: string;
  try {
    text = opts.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!(mayBeMissing && code && MISSING.has(code))) opts.problem(`${file}: cannot read: ${code ?? (e as Error).message}`);
    return undefined;
  }
  if (text.length > opts.maxFileBytes) {
    opts.problem(`${file}: ${formatBytes(text.length)} is over the ${formatBytes(opts.maxFileBytes)} limit (maxFileBytes); file skipped`);
    return undefined;
  }
  if (text.slice(0, 8000).includes('\0')) {
    opts.problem(`${file}: binary content (NUL bytes); file skipped`);
    return undefined;
  }
  tuneHeapForFile(text.length);
  return text;
}

export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
