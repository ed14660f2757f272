// LSP positions in the negotiated encoding. The engine keeps UTF-16 offsets (the JS string index);
// a client that prefers UTF-8 or UTF-32 (LSP 3.17 positionEncoding) gets columns converted here.
import type { Position } from 'vscode-languageserver';
import { LineIndex } from '../text/line-index';

export type Encoding = 'utf-16' | 'utf-8' | 'utf-32';

/** The client's most preferred encoding that we support; UTF-16 when it offers none (the LSP default). */
export function negotiateEncoding(offered: unknown): Encoding {
  if (!Array.isArray(offered)) return 'utf-16';
  for (const e of offered) if (e === 'utf-16' || e === 'utf-8' || e === 'utf-32') return e;
  return 'utf-16';
}

export class PositionCodec {
  constructor(readonly encoding: Encoding) {}

  position(lines: LineIndex, offset: number): Position {
    const off = Math.max(0, Math.min(offset, lines.text.length));
    const p = lines.position(off);
    if (this.encoding === 'utf-8') return { line: p.line, character: lines.utf8Column(off) };
    if (this.encoding === 'utf-32') return { line: p.line, character: lines.codePointColumn(off) };
    return p;
  }

  /** The length of one line's text in this encoding's units (a column after it). */
  columnOf(lineText: string): number {
    if (this.encoding === 'utf-8') return Buffer.byteLength(lineText, 'utf8');
    if (this.encoding === 'utf-32') return Array.from(lineText).length;
    return lineText.length;
  }

  range(lines: LineIndex, start: number, end: number): { start: Position; end: Position } {
    return { start: this.position(lines, start), end: this.position(lines, end) };
  }

  /** The UTF-16 offset of a client position; columns past the line's end clamp to it (as LSP says). */
  offset(lines: LineIndex, pos: Position): number {
    if (!pos || typeof pos.line !== 'number' || typeof pos.character !== 'number') return 0;
    if (pos.line < 0) return 0;
    if (pos.line >= lines.lineCount) return lines.text.length;
    if (this.encoding === 'utf-16') return lines.offset(pos);
    const start = lines.lineStart(pos.line), end = lines.lineEnd(pos.line);
    let units = 0;
    for (let i = start; i < end;) {
      if (units >= pos.character) return i;
      const cp = lines.text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      units += this.encoding === 'utf-32' ? 1 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += width;
    }
    return end;
  }
}
