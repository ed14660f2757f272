// The documents the client has open: their text and version (incremental sync), converted from the
// negotiated position encoding to UTF-16 before each change is applied. Open text always wins over
// the file on disk.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../text/line-index';
import type { PositionCodec } from './position-encoding';
import { rememberUri } from './uri';

export interface OpenDocument {
  uri: string;
  path: string;
  languageId: string;
  doc: TextDocument;
  /** Bumped on every change; the analysis records which it saw. */
  version: number;
}

export class OpenDocuments {
  private readonly byPath = new Map<string, OpenDocument>();
  private readonly lineCache = new WeakMap<TextDocument, { text: string; lines: LineIndex }>();

  constructor(private readonly codec: () => PositionCodec) {}

  open(uri: string, languageId: string, version: number, text: string): OpenDocument | undefined {
    const p = rememberUri(uri);
    if (!p || typeof text !== 'string') return undefined;
    const entry: OpenDocument = { uri, path: p, languageId, doc: TextDocument.create(uri, languageId, version, text), version };
    this.byPath.set(p, entry);
    return entry;
  }

  /** Applies changes in order; each range is in the coordinates left by the previous change. */
  change(path: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.byPath.get(path);
    if (!entry || !Array.isArray(changes)) return undefined;
    const codec = this.codec();
    for (const c of changes) {
      if (!c || typeof c.text !== 'string') continue;
      if (!('range' in c) || !c.range) {
        entry.doc = TextDocument.create(entry.uri, entry.languageId, version, c.text);
        continue;
      }
      let range = c.range;
      if (codec.encoding !== 'utf-16') {
        const lines = this.lines(entry);
        const start = codec.offset(lines, c.range.start), end = codec.offset(lines, c.range.end);
        range = { start: entry.doc.positionAt(start), end: entry.doc.positionAt(Math.max(start, end)) };
      }
      entry.doc = TextDocument.update(entry.doc, [{ range, text: c.text }], version);
    }
    entry.version = typeof version === 'number' ? version : entry.version + 1;
    return entry;
  }

  close(path: string): OpenDocument | undefined {
    const entry = this.byPath.get(path);
    this.byPath.delete(path);
    return entry;
  }

  get(path: string): OpenDocument | undefined {
    return this.byPath.get(path);
  }

  text(path: string): string | undefined {
    return this.byPath.get(path)?.doc.getText();
  }

  all(): OpenDocument[] {
    return [...this.byPath.values()];
  }

  /** A line index of the document's current text (cached per text). */
  lines(entry: OpenDocument): LineIndex {
    const text = entry.doc.getText();
    const hit = this.lineCache.get(entry.doc);
    if (hit && hit.text === text) return hit.lines;
    const lines = new LineIndex(text);
    this.lineCache.set(entry.doc, { text, lines });
    return lines;
  }
}
