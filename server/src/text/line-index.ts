// Offsets ↔ positions. Every layer keeps UTF-16 offsets (the JS string index, which is what both
// tree-sitter bindings report); lines and columns are derived here, in the unit each consumer wants.

export interface Position { line: number; character: number } // 0-based, UTF-16 code units

export class LineIndex {
  private lineStarts?: number[];

  constructor(readonly text: string) {}

  /** Computed on first use: most files of a big tree never have a position asked for. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    return (this.lineStarts = starts);
  }

  get lineCount(): number { return this.starts.length; }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its CR/LF. */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > this.starts[line] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  lineOf(offset: number): number {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[Math.max(0, pos.line)] + Math.max(0, pos.character), this.lineEnd(Math.max(0, pos.line)));
  }

  /** Column in UTF-8 bytes (what go vet and some SARIF consumers expect). */
  utf8Column(offset: number): number {
    const start = this.starts[this.lineOf(offset)];
    return Buffer.byteLength(this.text.slice(start, offset), 'utf8');
  }

  /** Column in Unicode code points. */
  codePointColumn(offset: number): number {
    const start = this.starts[this.lineOf(offset)];
    return Array.from(this.text.slice(start, offset)).length;
  }
}
