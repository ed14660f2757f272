// Sizes the frame estimate needs: C scalar types on linux/amd64 and integer constant expressions
// (#define and enum constants of the same translation unit, sizeof of scalar types).

const SCALAR_SIZES: Record<string, number> = {
  char: 1, bool: 1, _Bool: 1, short: 2, int: 4, float: 4, long: 8, double: 8, 'long long': 8, 'long double': 16,
  size_t: 8, ssize_t: 8, ptrdiff_t: 8, intptr_t: 8, uintptr_t: 8, off_t: 8,
  int8_t: 1, uint8_t: 1, int16_t: 2, uint16_t: 2, int32_t: 4, uint32_t: 4, int64_t: 8, uint64_t: 8,
  GoInt: 8, GoUint: 8, GoInt32: 4, GoUint32: 4, GoInt64: 8, GoUint64: 8, GoUint8: 1, GoInt8: 1, GoUintptr: 8,
};

/** Bytes of a scalar type, or null for structs and unknown typedefs. */
export function scalarSize(typeText: string): number | null {
  const t = typeText.replace(/\b(const|volatile|signed|unsigned|register|struct|union|enum)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === '') return 4; // `unsigned x`
  if (t in SCALAR_SIZES) return SCALAR_SIZES[t];
  if (/^long( int)?$/.test(t) || /^long long( int)?$/.test(t)) return 8;
  if (/^short( int)?$/.test(t)) return 2;
  return null;
}

/** Evaluates an integer constant expression, or null when it is not one (a VLA size, say). */
export function constEval(expr: string, consts: Map<string, number>): number | null {
  const text = expr
    .replace(/\bsizeof\s*\(\s*([A-Za-z_][\w ]*?)\s*(\*)?\s*\)/g, (_m, t: string, star?: string) => String(star ? 8 : scalarSize(t) ?? NaN))
    .replace(/\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b/g, (_m, n: string) => String(Number(n.startsWith('0') && n.length > 1 && !/[xX]/.test(n) ? parseInt(n, 8) : Number(n))));
  const tokens = text.match(/\d+|<<|>>|[-+*/%()]|[A-Za-z_]\w*|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = (): number => {
    const t = tokens[pos++];
    if (t === undefined) return NaN;
    if (t === '(') { const v = shift(); pos++; return v; }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (/^\d+$/.test(t)) return Number(t);
    return consts.get(t) ?? NaN;
  };
  const product = (): number => {
    let v = primary();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = tokens[pos++], r = primary();
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') { const op = tokens[pos++], r = product(); v = op === '+' ? v + r : v - r; }
    return v;
  };
  const shift = (): number => {
    let v = sum();
    while (peek() === '<<' || peek() === '>>') { const op = tokens[pos++], r = sum(); v = op === '<<' ? v * 2 ** r : Math.floor(v / 2 ** r); }
    return v;
  };
  const value = shift();
  return pos === tokens.length && Number.isFinite(value) ? value : null;
}
