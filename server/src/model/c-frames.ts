// A C function's frame on the system stack, estimated from its locals as the unit declares them:
// arrays sized by constants (macros, enums, `const` ints, sizeof), structs with the arrays they
// hold, `alloca`, and variable-length arrays. A size read from a variable or a call is a VLA; a
// size the unit cannot know (a macro of an unread header) is left out and never reported.
// Also the depth guards, with their limits evaluated the same way.
import type { CFunc } from './c-facts';
import { constSize, sizeOfType, type ConstEnv } from './c-sizes';
import { recordOf, type UnitTypes } from './c-types';

/** Saved return address and frame pointer: what every C activation costs before its locals. */
const FRAME_OVERHEAD = 16;
/** Each parameter is assumed spilled to the frame (8 bytes on amd64). */
const PARAM_BYTES = 8;
/** Struct locals this big are items of their own (shown in hovers, reported when over the limit). */
const STRUCT_ITEM_BYTES = 256;

export interface FrameItem { kind: 'alloca' | 'vla' | 'array' | 'struct'; span: { start: number; end: number }; bytes: number | null; what: string }

/** A depth guard `if (p >= limit) return` with a constant limit; null when that constant is unknown here. */
export interface CBound { param: number; limit: number | null }

export interface CFrame { bytes: number; items: FrameItem[]; bounds: CBound[] }

const cache = new WeakMap<CFunc, { key: string; frame: CFrame }>();

/** frameOf, kept per function for the unit it was evaluated in (`key`: the unit's texts and flags). */
export function cachedFrameOf(f: CFunc, types: UnitTypes, key: string): CFrame {
  const hit = cache.get(f);
  if (hit && hit.key === key) return hit.frame;
  const frame = frameOf(f, types);
  cache.set(f, { key, frame });
  return frame;
}

export function frameOf(f: CFunc, types: UnitTypes): CFrame {
  const variables = new Map<string, string>(f.params.map((p) => [p.name, p.type]));
  const constLocals = new Map<string, string>();
  for (const l of f.locals) {
    if (l.constValue !== undefined) constLocals.set(l.name, l.constValue);
    else variables.set(l.name, l.type);
  }
  const env: ConstEnv = { types, variables, constLocals };
  const frame: CFrame = { bytes: FRAME_OVERHEAD + PARAM_BYTES * f.params.length, items: [], bounds: [] };
  for (const l of f.locals) {
    if (l.isStatic) continue;
    let count = 1, vla = false, unknown = false;
    for (const d of l.dims) {
      const v = d === '' && l.initCount !== undefined ? { kind: 'known' as const, value: l.initCount } : constSize(d, env);
      if (v.kind === 'runtime') vla = true;
      else if (v.kind === 'unknown') unknown = true;
      else count *= v.value;
    }
    if (vla) { frame.items.push({ kind: 'vla', span: l.span, bytes: null, what: l.name }); continue; }
    if (unknown) continue;
    const elem = sizeOfType(l.type, types);
    if (elem === null) continue;
    const bytes = elem * count;
    frame.bytes += bytes;
    if (l.dims.length) frame.items.push({ kind: 'array', span: l.span, bytes, what: l.name });
    else if (bytes >= STRUCT_ITEM_BYTES && recordOf(l.type, types, false)) frame.items.push({ kind: 'struct', span: l.span, bytes, what: `${l.name} (${l.type})` });
  }
  for (const a of f.allocas) {
    const v = a.size === null ? { kind: 'runtime' as const } : constSize(a.size, env);
    if (v.kind === 'unknown') continue;
    const bytes = v.kind === 'known' ? v.value : null;
    frame.items.push({ kind: 'alloca', span: a.span, bytes, what: a.what });
    if (bytes !== null) frame.bytes += bytes;
  }
  for (const g of f.guards) {
    // A limit read from a variable (`x >= width`) bounds nothing the code fixes in advance.
    const v = constSize(g.limit, env);
    if (v.kind !== 'runtime') frame.bounds.push({ param: g.param, limit: v.kind === 'known' ? v.value + (g.strict ? 1 : 0) : null });
  }
  return frame;
}
