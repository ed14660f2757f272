// Text ranges: built line by line (adjacent ones merged), and converted into the includedRanges
// shape both bindings take (index + point).
import { LineIndex } from '../text/line-index';
import type { TextRange } from './backend';

export interface TsRange {
  startIndex: number; endIndex: number;
  startPosition: { row: number; column: number }; endPosition: { row: number; column: number };
}

export function toTsRanges(text: string, ranges: TextRange[]): TsRange[] {
  const index = new LineIndex(text);
  return ranges.map((r) => {
    const s = index.position(r.start), e = index.position(r.end);
    return {
      startIndex: r.start, endIndex: r.end,
      startPosition: { row: s.line, column: s.character }, endPosition: { row: e.line, column: e.character },
    };
  });
}

/** Appends [start, end) to `list`, extending the last range when it ends at `start`. */
export function pushRange(list: TextRange[], start: number, end: number): void {
  const last = list[list.length - 1];
  if (last && last.end === start) last.end = end; else list.push({ start, end });
}
