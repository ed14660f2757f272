// Facts are plain data with absolute UTF-16 offsets: any {start, end} object is a span (a call is
// one with more fields), plus the scalars `directiveAt` and `restEnd`. These copy facts with offsets
// moved (an edit before them in the language server, or a big file read a piece at a time).

/** Offsets stored as bare numbers rather than spans. */
const SCALAR_OFFSETS = new Set(['directiveAt', 'restEnd']);

/** A deep copy with every offset moved by `delta` (the hot path: every function after an edit). */
export function shifted<T>(value: T, delta: number): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = walk(v[i]);
      return out;
    }
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    // A span's own literal has room for exactly its two offsets (a spread copy keeps spare slots).
    if (typeof o.start === 'number' && typeof o.end === 'number' && isRange(o)) return { start: o.start + delta, end: o.end + delta };
    const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
    // A spread copy keeps the source's shape. Adding its twenty-odd properties one by one to `{}`
    // would turn the copy into a hash table: about 0.8 KB more for every function of a big file.
    const out: Record<string, unknown> = { ...o };
    for (const k in out) {
      const x = out[k];
      if (typeof x === 'number') { if ((isSpan && (k === 'start' || k === 'end')) || SCALAR_OFFSETS.has(k)) out[k] = x + delta; }
      else if (x !== null && typeof x === 'object') out[k] = walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/** Whether a span holds its range alone (a call is a span with more). */
export function isRange(o: object): boolean {
  let n = 0;
  for (const _ in o) if (++n > 2) return false;
  return true;
}

/**
 * `value` itself with every offset moved: for facts nobody else holds yet (a piece of a big file).
 * No copy, so each object keeps the shape its literal gave it (a copy made by the one generic
 * spread in `shifted` sees every shape of the facts, and V8 then builds it property by property).
 */
export function shiftInPlace<T>(value: T, delta: number): T {
  const moved = new Set<object>(); // a span two facts share moves once
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      if (moved.has(o)) return;
      moved.add(o);
      o.start += delta;
      o.end += delta;
    }
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'number') { if (SCALAR_OFFSETS.has(k)) o[k] = x + delta; }
      else walk(x);
    }
  };
  walk(value);
  return value;
}

/** Offsets at or after `at` moved by `delta`; unchanged subtrees are shared, not copied. */
export function shiftedFrom<T>(value: T, at: number, delta: number): T {
  return shiftWhere(value, delta, (o) => o >= at, true);
}

function shiftWhere<T>(value: T, delta: number, when: (offset: number) => boolean, share = false): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = v.map(walk);
      return share && out.every((x, i) => x === v[i]) ? v : out;
    }
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
    const out: Record<string, unknown> = { ...o }; // keeps the shape (see shifted)
    let changed = false;
    for (const k in out) {
      const x = out[k];
      let y: unknown;
      // A span moves whole, by where it starts; a scalar offset (a call's `restEnd`) by itself.
      if (typeof x === 'number') y = (isSpan && (k === 'start' || k === 'end') ? when(o.start as number) : SCALAR_OFFSETS.has(k) && when(x)) ? x + delta : x;
      else y = walk(x);
      if (y !== x) { out[k] = y; changed = true; }
    }
    return share && !changed ? v : out;
  };
  return walk(value) as T;
}
