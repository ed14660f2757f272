// Splits a Go file's facts into a skeleton (everything outside top-level function declarations:
// package, imports, types, vars, the preamble's C) and one piece per function declaration, and
// merges them back. incremental-go.ts re-extracts only the piece an edit lands in.
//
// Facts are plain data with absolute UTF-16 offsets: any {start, end} object is a span, plus the
// scalar `directiveAt`. Funcs refer to each other by index (`parent`, literal callees), so a piece
// keeps indices local to itself and the merge renumbers them. Arrays of located items (anything with
// a `span`: ignores, linknames, C value uses …) are merged by position, whatever their key, so facts
// added later are carried along without changes here.
import type { GoFileFacts, GoFunc, Span } from '../model/facts';
import { renumber } from '../model/renumber-funcs';

export interface Piece {
  region: Span;
  /** Absolute offsets; `parent` and literal callee indices are local to this array. */
  funcs: GoFunc[];
  /** Located items of the file-level arrays that fall inside the region, by key. */
  located: Record<string, { span: Span }[]>;
  errors: number;
}

const inside = (s: Span, r: Span) => r.start <= s.start && s.end <= r.end;

/**
 * `splittable` is false when a function links (parent, literal callee) into another piece or the
 * skeleton: error recovery can nest a function under one in another region (`}func f` after an
 * unclosed body), and renumbering such a link per piece would point it at the wrong function.
 */
export function splitFacts(full: GoFileFacts, regions: Span[]): { skeleton: GoFileFacts; pieces: Piece[]; splittable: boolean } {
  const owner = full.funcs.map((f) => regionOf(f.span, regions));
  const splittable = full.funcs.every((f, i) => links(f).every((j) => owner[j] === owner[i]));
  const local = new Map<number, number>();
  const buckets: GoFunc[][] = regions.map(() => []);
  const skeletonFuncs: GoFunc[] = [];
  full.funcs.forEach((f, i) => {
    const list = owner[i] < 0 ? skeletonFuncs : buckets[owner[i]];
    local.set(i, list.length);
    list.push(f);
  });
  const toLocal = (i: number) => local.get(i) ?? i;
  const pieces: Piece[] = regions.map((region, k) => ({
    region, funcs: buckets[k].map((f) => renumber(f, toLocal)), located: {}, errors: 0,
  }));
  const skeleton: GoFileFacts = { ...full, funcs: skeletonFuncs.map((f) => renumber(f, toLocal)) };
  for (const key of locatedKeys(full)) {
    const items = (full as unknown as Record<string, { span: Span }[]>)[key];
    (skeleton as unknown as Record<string, unknown>)[key] = items.filter((it) => regionOf(it.span, regions) < 0);
    for (const it of items) {
      const k = regionOf(it.span, regions);
      if (k >= 0) (pieces[k].located[key] ??= []).push(it);
    }
  }
  return { skeleton, pieces, splittable };
}

/**
 * The piece for `region` from facts extracted with only that function kept (other functions
 * blanked): undefined unless the region still holds exactly one function declaration spanning it.
 */
export function pieceFrom(pf: GoFileFacts, region: Span, skeletonFuncs: number): Piece | undefined {
  const ids: number[] = [];
  pf.funcs.forEach((f, i) => { if (inside(f.span, region)) ids.push(i); });
  if (ids.length === 0 || pf.funcs.length - ids.length !== skeletonFuncs) return undefined;
  const head = pf.funcs[ids[0]];
  if (head.span.start !== region.start || head.span.end !== region.end || head.parent !== undefined) return undefined;
  const local = new Map(ids.map((id, k) => [id, k]));
  for (const id of ids.slice(1)) if (pf.funcs[id].parent === undefined || !local.has(pf.funcs[id].parent!)) return undefined;
  const piece: Piece = { region, funcs: ids.map((id) => renumber(pf.funcs[id], (i) => local.get(i) ?? i)), located: {}, errors: pf.errors };
  for (const key of locatedKeys(pf)) {
    const items = (pf as unknown as Record<string, { span: Span }[]>)[key].filter((it) => inside(it.span, region));
    if (items.length) piece.located[key] = items;
  }
  return piece;
}

export function mergeFacts(skeleton: GoFileFacts, pieces: Piece[]): GoFileFacts {
  // Funcs in source order: skeleton funcs (top-level literals) interleave with whole pieces.
  const order: { piece?: Piece; func?: number; start: number }[] = [
    ...skeleton.funcs.map((f, i) => ({ func: i, start: f.span.start })),
    ...pieces.map((p) => ({ piece: p, start: p.region.start })),
  ].sort((a, b) => a.start - b.start);
  const skeletonGlobal: number[] = [];
  const pieceBase = new Map<Piece, number>();
  let n = 0;
  for (const o of order) {
    if (o.piece) { pieceBase.set(o.piece, n); n += o.piece.funcs.length; } else skeletonGlobal[o.func!] = n++;
  }
  const funcs: GoFunc[] = new Array(n);
  skeleton.funcs.forEach((f, i) => { funcs[skeletonGlobal[i]] = renumber(f, (k) => skeletonGlobal[k] ?? k); });
  for (const p of pieces) {
    const base = pieceBase.get(p)!;
    p.funcs.forEach((f, i) => { funcs[base + i] = base === 0 ? f : renumber(f, (k) => base + k); });
  }
  const merged: GoFileFacts = { ...skeleton, funcs, errors: Math.max(skeleton.errors, ...pieces.map((p) => p.errors)), outline: false };
  const keys = new Set([...locatedKeys(skeleton), ...pieces.flatMap((p) => Object.keys(p.located))]);
  for (const key of keys) {
    const all = [...((skeleton as unknown as Record<string, { span: Span }[]>)[key] ?? []), ...pieces.flatMap((p) => p.located[key] ?? [])];
    (merged as unknown as Record<string, unknown>)[key] = all.sort((a, b) => a.span.start - b.span.start);
  }
  return merged;
}

function regionOf(span: Span, regions: Span[]): number {
  let lo = 0, hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = regions[mid];
    if (span.start < r.start) hi = mid - 1;
    else if (span.start >= r.end) lo = mid + 1;
    else return span.end <= r.end ? mid : -1;
  }
  return -1;
}

/** Keys of file-level arrays whose items carry a span (funcs excluded: they are renumbered). */
function locatedKeys(facts: GoFileFacts): string[] {
  return Object.entries(facts).filter(([k, v]) => k !== 'funcs' && Array.isArray(v) && v.length > 0 && v.every(hasSpan)).map(([k]) => k);
}

function hasSpan(x: unknown): boolean {
  const s = (x as { span?: { start?: unknown } } | null)?.span;
  return !!s && typeof s.start === 'number';
}

/** The functions `f` refers to by index. */
function links(f: GoFunc): number[] {
  const out = f.parent === undefined ? [] : [f.parent];
  for (const c of f.calls) if (c.callee.kind === 'literal') out.push(c.callee.literal);
  for (const c of f.topDefers) if (c.kind === 'literal') out.push(c.literal);
  return out;
}
