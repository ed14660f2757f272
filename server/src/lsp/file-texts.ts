// What the engine reads for a path: the open document's text, else the file on disk, cached until
// the client reports the file changed (workspace/didChangeWatchedFiles) or the workspace is re-scanned.
import type { OpenDocuments } from './documents';
import { readUtf8File } from '../util/read-utf8';

export class FileTexts {
  private readonly disk = new Map<string, string>();

  constructor(private readonly docs: OpenDocuments) {}

  /** Throws like fs.readFileSync (the loader turns that into a "cannot read" problem). */
  read = (file: string): string => {
    const open = this.docs.text(file);
    if (open !== undefined) return open;
    let text = this.disk.get(file);
    if (text === undefined) {
      text = readUtf8File(file);
      this.disk.set(file, text);
    }
    return text;
  };

  /** The text on disk, bypassing open documents (for checking a fix against a closed file). */
  diskText(file: string): string | undefined {
    try { return this.disk.get(file) ?? readUtf8File(file); } catch { return undefined; }
  }

  forget(file: string): void {
    this.disk.delete(file);
  }

  clear(): void {
    this.disk.clear();
  }
}
