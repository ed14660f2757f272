// Signatures for calls through function pointers: whether a function can be what a pointer of a
// given type points to (parameter count, and every parameter type both sides know), and the C
// signature cgo gives an exported Go function (from its Go parameter types).
import type { CSignature, CType } from '../model/c-facts';
import { resolveType, splitStars, type UnitTypes } from '../model/c-types';
import type { FuncNode } from './callgraph';

/** The C type cgo writes in _cgo_export.h for a Go parameter type. */
export function cTypeOfGo(goType: string): CType {
  const t = goType.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\*+)C\.(?:struct_|union_)?(\w+)$/.exec(t))) return m[2] + m[1];
  if ((m = /^C\.(?:struct_|union_|enum_)?(\w+)$/.exec(t))) return m[1];
  if (t === 'unsafe.Pointer' || t.startsWith('*') || t.startsWith('map[') || t.startsWith('chan ')) return 'void*';
  const basic: Record<string, string> = { int: 'GoInt', uint: 'GoUint', int8: 'GoInt8', uint8: 'GoUint8', byte: 'GoUint8', int16: 'GoInt16', uint16: 'GoUint16', int32: 'GoInt32', rune: 'GoInt32', uint32: 'GoUint32', int64: 'GoInt64', uint64: 'GoUint64', uintptr: 'GoUintptr', float32: 'GoFloat32', float64: 'GoFloat64', bool: 'GoUint8', string: 'GoString' };
  if (t in basic) return basic[t];
  if (t.startsWith('[]')) return 'GoSlice';
  return 'GoInterface';
}

export function signatureOfNode(node: FuncNode): CSignature | undefined {
  if (node.c) return { params: node.c.params.map((p) => p.type), variadic: node.c.variadic, ret: node.c.ret };
  if (node.go) return { params: node.go.params.map((p) => cTypeOfGo(p.type)), variadic: false, ret: '' };
  return undefined;
}

/**
 * Whether a call of signature `call` can reach `target`, by C's rule that a function may only be
 * called through a pointer of a compatible type: the same number of parameters (unless variadic)
 * and, for every pointer parameter both sides spell out, the same pointee (`git_writestream *` is
 * not `git_smart_subtransport *`, nor `void *`). Integer types are not told apart: their typedefs
 * often come from headers that are not read.
 */
export function compatible(call: CSignature, callTypes: UnitTypes, target: CSignature, targetTypes: UnitTypes | undefined): boolean {
  if (call.params.length !== target.params.length && !(target.variadic && call.params.length >= target.params.length)) return false;
  for (let i = 0; i < Math.min(call.params.length, target.params.length); i++) {
    if (!sameKind(norm(call.params[i], callTypes), norm(target.params[i], targetTypes))) return false;
  }
  return true;
}

function norm(t: CType, types: UnitTypes | undefined): { base: string; stars: number } {
  const { base, stars } = splitStars(types ? resolveType(t, types) : t);
  return { base: base.split('::').pop()!, stars };
}

const NUMBER = /^(u?(int|char|short|long|long long)|float|double|bool|_Bool|size_t|ssize_t|u?int(8|16|32|64)_t|Go(U?Int(8|16|32|64)?|Uintptr|Float(32|64)|Uint8)|GoString|GoSlice|GoInterface)$/;

function sameKind(a: { base: string; stars: number }, b: { base: string; stars: number }): boolean {
  if (a.base.startsWith('fn<') || b.base.startsWith('fn<')) return true;
  if ((a.stars > 0) !== (b.stars > 0)) return false;
  if (a.stars === 0) return NUMBER.test(a.base) === NUMBER.test(b.base) || !NUMBER.test(a.base) || !NUMBER.test(b.base);
  return a.stars === b.stars && (a.base === b.base || (a.base === 'char' && b.base === 'uchar') || (a.base === 'uchar' && b.base === 'char'));
}
