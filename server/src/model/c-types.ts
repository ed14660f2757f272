// The types a unit declares, gathered from all the files it reads: records (structs, unions,
// classes), typedefs, enum constants, globals and prototypes. Sizes, slots of function pointers
// and member calls are resolved against them; a name the unit never declares stays unknown.
import type { Macros } from '../parse/c-expr';
import type { CRecord, CSignature, CType, CVar } from './c-facts';
import type { CUnit } from './c-units';
import { fnType } from './c-syntax';

export interface UnitTypes {
  records: Map<string, CRecord>;
  typedefs: Map<string, CType>;
  /** Enumerators: value text of the previous one plus an offset, evaluated on demand (c-sizes.ts). */
  enums: Map<string, { expr?: string; prev?: string; offset: number }>;
  globals: Map<string, CVar>;
  prototypes: Map<string, CSignature>;
  externC: Set<string>;
  macros: Macros;
}

const cache = new WeakMap<CUnit, UnitTypes>();

export function unitTypes(unit: CUnit): UnitTypes {
  let t = cache.get(unit);
  if (t) return t;
  t = { records: new Map(), typedefs: new Map(), enums: new Map(), globals: new Map(), prototypes: new Map(), externC: new Set(), macros: unit.macros };
  for (const v of unit.views) {
    const f = v.facts;
    for (const r of f.records) if (!t.records.has(r.name) || t.records.get(r.name)!.fields.length === 0) t.records.set(r.name, r);
    for (const [k, ty] of Object.entries(f.typedefs)) if (!t.typedefs.has(k)) t.typedefs.set(k, ty);
    let prev: string | undefined, offset = 0;
    for (const e of f.enums) {
      if (e.first) { prev = undefined; offset = 0; }
      if (e.value !== undefined) { t.enums.set(e.name, { expr: e.value, offset: 0 }); prev = e.name; offset = 1; }
      else { t.enums.set(e.name, { prev, offset }); offset++; }
    }
    for (const g of f.globals) if (!t.globals.has(g.name) || (!t.globals.get(g.name)!.init && g.init)) t.globals.set(g.name, g);
    for (const [k, s] of Object.entries(f.prototypes)) if (!t.prototypes.has(k)) t.prototypes.set(k, s);
    for (const n of f.externC) t.externC.add(n);
  }
  cache.set(unit, t);
  return t;
}

/** Expands typedefs at the base of a type, keeping its pointer stars (`foo_t *` → `foo*`). */
export function resolveType(type: CType, types: UnitTypes): CType {
  let t = type;
  for (let depth = 0; depth < 16; depth++) {
    const stars = /\**$/.exec(t)![0];
    const base = t.slice(0, t.length - stars.length);
    const alias = types.typedefs.get(base);
    if (alias === undefined || alias === base) return t;
    t = alias + stars;
  }
  return t;
}

/** Pointer depth and base of a resolved type. */
export function splitStars(type: CType): { base: string; stars: number } {
  const stars = /\**$/.exec(type)![0].length;
  return { base: type.slice(0, type.length - stars), stars };
}

const SMART = /^std::(unique_ptr|shared_ptr|weak_ptr)<(.+)>$/;

/**
 * The record a value of this type reaches with `.` (stars 0) or `->` (stars 1); smart pointers
 * count as pointers. Looked up by name, then by the unqualified name when that is unique.
 */
export function recordOf(type: CType, types: UnitTypes, arrow: boolean): CRecord | undefined {
  let { base, stars } = splitStars(resolveType(type, types));
  const smart = SMART.exec(base);
  if (smart) { ({ base, stars } = splitStars(resolveType(smart[2] + '*'.repeat(stars + 1), types))); }
  if (stars !== (arrow ? 1 : 0)) return undefined;
  return recordNamed(base, types);
}

/** The record a member access reaches: `->` needs a pointer to it; `.` the record, else a pointer to it. */
export function memberRecord(type: CType, types: UnitTypes, arrow: boolean): CRecord | undefined {
  return recordOf(type, types, arrow) ?? (arrow ? undefined : recordOf(type, types, true));
}

export function recordNamed(name: string, types: UnitTypes, scope = ''): CRecord | undefined {
  const parts = scope ? scope.split('::') : [];
  for (let k = parts.length; k >= 0; k--) {
    const r = types.records.get([...parts.slice(0, k), name].join('::'));
    if (r) return r;
  }
  return undefined;
}

/** `rec`, then its bases depth first, as far as the unit declares them (nine levels down at most). */
export function* withBases(rec: CRecord, types: UnitTypes, depth = 0): Generator<CRecord> {
  yield rec;
  if (depth > 8) return;
  for (const b of rec.bases) {
    const base = recordNamed(b, types);
    if (base) yield* withBases(base, types, depth + 1);
  }
}

/** The type of a field of a record, its bases included (C++). */
export function fieldType(rec: CRecord, field: string, types: UnitTypes): CType | undefined {
  for (const r of withBases(rec, types)) {
    const f = r.fields.find((x) => x.name === field);
    if (f) return f.dims.length ? f.type + '*' : f.type;
  }
  return undefined;
}

/** The element type a range-for or subscript yields from a container or array type. */
export function elementType(type: CType, types: UnitTypes): CType | undefined {
  const t = resolveType(type, types);
  const { base, stars } = splitStars(t);
  if (stars > 0) return base + '*'.repeat(stars - 1);
  const m = /^std::(vector|list|deque|set|unordered_set|array|forward_list|multiset|span)<(.+?)(,.*)?>$/.exec(base);
  return m ? m[2] : undefined;
}

/** The signature of a function pointer type (after typedefs), if it is one. */
export function signatureOfType(type: CType, types: UnitTypes): CSignature | undefined {
  let t = resolveType(type, types);
  const std = /^std::function<(.+)\((.*)\)>$/.exec(t);
  if (std) t = `fn<${std[1]}>(${std[2]})*`;
  const fn = fnType(t);
  return fn && fn.stars <= 1 ? { params: fn.params, variadic: fn.variadic, ret: fn.ret } : undefined;
}
