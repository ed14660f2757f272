// A file's functions refer to each other by their index in its list (a literal's `parent`, a call
// or defer of a literal): reading them in pieces, or splicing a piece back, moves them in that list
// and their links with them.
import type { GoCallee, GoFunc } from './facts';

/** A copy of `f` with its function indices (parent, literal callees) mapped; shares what is unchanged. */
export function renumber(f: GoFunc, map: (i: number) => number): GoFunc {
  const callee = (c: GoCallee): GoCallee => (c.kind === 'literal' && map(c.literal) !== c.literal ? { ...c, literal: map(c.literal) } : c);
  const parent = f.parent === undefined ? undefined : map(f.parent);
  let calls = f.calls;
  if (calls.some((c) => c.callee.kind === 'literal')) calls = calls.map((c) => { const k = callee(c.callee); return k === c.callee ? c : { ...c, callee: k }; });
  const topDefers = f.topDefers.some((c) => c.kind === 'literal') ? f.topDefers.map(callee) : f.topDefers;
  if (parent === f.parent && calls === f.calls && topDefers === f.topDefers) return f;
  const out: GoFunc = { ...f, calls, topDefers };
  if (parent !== undefined) out.parent = parent;
  return out;
}
