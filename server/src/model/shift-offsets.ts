// Facts are plain data with absolute UTF-16 offsets: any {start, end} object is a span, plus the
// scalar `directiveAt`. These copy facts with offsets moved (an edit before them in the language
// server, or a big file read a piece at a time).

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
    const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
    const out: Record<string, unknown> = {};
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'number') out[k] = (isSpan && (k === 'start' || k === 'end')) || SCALAR_OFFSETS.has(k) ? x + delta : x;
      else out[k] = x !== null && typeof x === 'object' ? walk(x) : x;
    }
    return out;
  };
  return walk(value) as T;
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
    const out: Record<string, unknown> = {};
    let changed = false;
    for (const k of Object.keys(o)) {
      const x = o[k];
      let y: unknown;
      if (typeof x === 'number') y = ((isSpan && (k === 'start' || k === 'end')) || SCALAR_OFFSETS.has(k)) && when(isSpan ? (o.start as number) : x) ? x + delta : x;
      else y = walk(x);
      out[k] = y;
      if (y !== x) changed = true;
    }
    return share && !changed ? v : out;
  };
  return walk(value) as T;
}
