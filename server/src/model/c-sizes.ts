// Sizes on linux/amd64 (LP64) and constant expressions for frames and bounds: macros expanded,
// enum constants, `const` integers, `sizeof` of scalars, pointers and the unit's records. A size
// that reads a variable or calls a function is decided at run time (a VLA); one that reads a name
// the unit never defines (a macro from an unread system header) is unknown, never a VLA.
import { evaluate, expandMacros, tokenize, type Token } from '../parse/c-expr';
import type { CRecord, CType } from './c-facts';
import { recordNamed, resolveType, splitStars, type UnitTypes } from './c-types';

const SCALAR_SIZES: Record<string, number> = {
  char: 1, uchar: 1, bool: 1, _Bool: 1, short: 2, ushort: 2, int: 4, uint: 4, float: 4, long: 8, ulong: 8, double: 8, 'long long': 8, 'ulong long': 8, 'long double': 16,
  size_t: 8, ssize_t: 8, ptrdiff_t: 8, intptr_t: 8, uintptr_t: 8, off_t: 8, wchar_t: 4, char16_t: 2, char32_t: 4, char8_t: 1, __int128: 16,
  int8_t: 1, uint8_t: 1, int16_t: 2, uint16_t: 2, int32_t: 4, uint32_t: 4, int64_t: 8, uint64_t: 8,
  GoInt: 8, GoUint: 8, GoInt32: 4, GoUint32: 4, GoInt64: 8, GoUint64: 8, GoUint8: 1, GoInt8: 1, GoInt16: 2, GoUint16: 2, GoUintptr: 8, GoFloat32: 4, GoFloat64: 8,
  'std::size_t': 8, 'std::int32_t': 4, 'std::uint32_t': 4, 'std::int64_t': 8, 'std::uint64_t': 8, 'std::uint8_t': 1, 'std::int8_t': 1,
};

/** Bytes of a scalar type name, or null. */
export function scalarSize(t: string): number | null {
  if (t in SCALAR_SIZES) return SCALAR_SIZES[t];
  if (/^u?(long )?long( int)?$/.test(t)) return 8;
  if (/^u?short( int)?$/.test(t)) return 2;
  return null;
}

interface Layout { size: number; align: number }

/** Bytes of a type, or null when some part of it is unknown. */
export function sizeOfType(type: CType, types: UnitTypes, depth = 0): number | null {
  return layoutOf(type, types, depth)?.size ?? null;
}

function layoutOf(type: CType, types: UnitTypes, depth: number): Layout | null {
  const t = resolveType(type, types);
  const { base, stars } = splitStars(t);
  if (stars > 0 || base.startsWith('fn<')) return { size: 8, align: 8 };
  const s = scalarSize(base);
  if (s !== null) return { size: s, align: Math.min(s, 16) };
  if (/^(enum )?[A-Za-z_]\w*$/.test(base) && types.enums.has(base)) return { size: 4, align: 4 };
  const rec = recordNamed(base, types);
  return rec && depth < 16 ? recordLayout(rec, types, depth + 1) : null;
}

function recordLayout(rec: CRecord, types: UnitTypes, depth: number): Layout | null {
  let size = 0, align = 1, bitRun = false;
  const virtual = rec.methods.some((m) => m.virtual);
  if (virtual) { size = 8; align = 8; }
  for (const b of rec.bases) {
    const base = recordNamed(b, types);
    const l = base ? recordLayout(base, types, depth + 1) : null;
    if (!l) return null;
    size = roundUp(size, l.align) + l.size;
    align = Math.max(align, l.align);
  }
  for (const f of rec.fields) {
    if (f.bitfield) { if (bitRun) continue; bitRun = true; } else bitRun = false;
    const l = layoutOf(f.type, types, depth);
    if (!l) return null;
    let count = 1;
    for (const d of f.dims) {
      const v = constSize(d, { types });
      if (v.kind !== 'known') return null;
      count *= v.value;
    }
    const bytes = l.size * count;
    if (rec.kind === 'union') size = Math.max(size, bytes);
    else size = roundUp(size, l.align) + bytes;
    align = Math.max(align, l.align);
  }
  return { size: roundUp(Math.max(size, 1), align), align };
}

function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

export type ConstValue = { kind: 'known'; value: number } | { kind: 'runtime' } | { kind: 'unknown' };

export interface ConstEnv {
  types: UnitTypes;
  /** Names that are variables here (parameters, locals): reading one makes a size run-time. */
  variables?: Map<string, CType>;
  /** `const int N = …` locals, by name: their initializers. */
  constLocals?: Map<string, string>;
}

/** Evaluates a size or bound expression (macros, enums, consts, sizeof) in a unit. */
export function constSize(expr: string, env: ConstEnv, depth = 0): ConstValue {
  if (expr.trim() === '') return { kind: 'unknown' };
  let runtime = false;
  const { tokens } = expandMacros(tokenize(expr), env.types.macros);
  const value = evaluate(tokens, {
    ident: (name) => {
      if (env.constLocals?.has(name)) return known(constSize(env.constLocals.get(name)!, env, depth + 1));
      if (env.variables?.has(name)) { runtime = true; return null; }
      const c = depth < 32 ? namedConstant(name, env, depth) : null;
      if (c !== null) return c;
      const g = env.types.globals.get(name);
      if (g && g.constValue === undefined) runtime = true;
      return null;
    },
    call: (name) => {
      if (!env.types.macros.get(name)) runtime = true; // strlen(s), a function: run time
      return null;
    },
    sizeOf: (inner) => sizeOfTokens(inner, env),
  });
  if (runtime) return { kind: 'runtime' };
  if (value === null) return { kind: 'unknown' };
  const n = Number(value);
  return Number.isSafeInteger(n) ? { kind: 'known', value: n } : { kind: 'unknown' };
}

function known(v: ConstValue): bigint | null {
  return v.kind === 'known' ? BigInt(v.value) : null;
}

/**
 * Values of the standard headers' constants on linux/amd64 (glibc), for sizes and bounds only:
 * #if never sees them, since the headers that define them are not read.
 */
const STANDARD: Record<string, bigint> = {
  NULL: 0n, nullptr: 0n, true: 1n, false: 0n, CHAR_BIT: 8n, SCHAR_MAX: 127n, UCHAR_MAX: 255n, SHRT_MAX: 32767n, USHRT_MAX: 65535n,
  INT_MAX: 2147483647n, INT_MIN: -2147483648n, UINT_MAX: 4294967295n, LONG_MAX: 9223372036854775807n, LLONG_MAX: 9223372036854775807n,
  ULONG_MAX: 18446744073709551615n, ULLONG_MAX: 18446744073709551615n, SIZE_MAX: 18446744073709551615n, SSIZE_MAX: 9223372036854775807n,
  INT8_MAX: 127n, INT16_MAX: 32767n, INT32_MAX: 2147483647n, INT64_MAX: 9223372036854775807n, UINT8_MAX: 255n, UINT16_MAX: 65535n,
  UINT32_MAX: 4294967295n, UINT64_MAX: 18446744073709551615n, PATH_MAX: 4096n, NAME_MAX: 255n, BUFSIZ: 8192n, FILENAME_MAX: 4096n,
  EXIT_SUCCESS: 0n, EXIT_FAILURE: 1n, EOF: -1n, TRUE: 1n, FALSE: 0n,
};

function namedConstant(name: string, env: ConstEnv, depth: number): bigint | null {
  const e = env.types.enums.get(name);
  if (e) {
    if (e.expr !== undefined) return known(constSize(e.expr, { types: env.types }, depth + 1));
    const prev = e.prev === undefined ? 0n : namedConstant(e.prev, env, depth + 1);
    return prev === null ? null : prev + BigInt(e.offset);
  }
  const g = env.types.globals.get(name);
  if (g?.constValue !== undefined) return known(constSize(g.constValue, { types: env.types }, depth + 1));
  return env.types.macros.has(name) || g ? null : STANDARD[name] ?? null;
}

function sizeOfTokens(tokens: Token[], env: ConstEnv): bigint | null {
  const text = tokens.map((t) => t.text).join(' ');
  const stars = (text.match(/\*/g) ?? []).length;
  const name = text.replace(/\*/g, '').replace(/\b(const|volatile|struct|union|enum|class|signed)\b/g, ' ').replace(/\s+/g, ' ').trim().replace(/^unsigned (.+)$/, 'u$1').replace(/^unsigned$/, 'int');
  if (stars > 0) return 8n;
  const variable = env.variables?.get(name) ?? env.types.globals.get(name)?.type;
  const size = sizeOfType(variable ?? name, env.types);
  return size === null ? null : BigInt(size);
}
