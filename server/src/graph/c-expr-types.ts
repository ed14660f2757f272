// The type of a C/C++ expression inside a function, from what the unit declares: locals (their
// `auto` initializers and range-for containers), parameters, members of the class a method is in,
// globals, fields through any number of `.`/`->`, subscripts, casts and call results. Unknown
// stays unknown.
import type { CExpr, CInit, CType } from '../model/c-facts';
import { elementType, fieldType, memberRecord, recordNamed, resolveType, splitStars, type UnitTypes } from '../model/c-types';
import type { CNodeInfo } from './callgraph';

export interface TypeContext {
  fn: CNodeInfo;
  types: UnitTypes;
  /** The function a lambda is written in (its captures). */
  outer?: CNodeInfo;
  /** Return type of call number `k` of `fn`, once resolved. */
  callResult(k: number): CType | undefined;
}

export function typeOfExpr(e: CExpr, ctx: TypeContext, depth = 0): CType | undefined {
  if (depth > 12) return undefined;
  const { types } = ctx;
  switch (e.kind) {
    case 'name': return typeOfName(e.name, ctx, depth);
    case 'this': return ctx.fn.cls ? ctx.fn.cls + '*' : ctx.outer?.cls ? ctx.outer.cls + '*' : undefined;
    case 'field': {
      const base = typeOfExpr(e.base, ctx, depth + 1);
      const rec = base !== undefined ? memberRecord(base, types, e.arrow) : undefined;
      return rec ? fieldType(rec, e.field, types) : undefined;
    }
    case 'index': {
      const base = typeOfExpr(e.base, ctx, depth + 1);
      return base !== undefined ? elementType(base, types) : undefined;
    }
    case 'deref': {
      const base = typeOfExpr(e.base, ctx, depth + 1);
      if (base === undefined) return undefined;
      const { base: b, stars } = splitStars(resolveType(base, types));
      return stars > 0 ? b + '*'.repeat(stars - 1) : undefined;
    }
    case 'addr': { const t = typeOfExpr(e.base, ctx, depth + 1); return t === undefined ? undefined : t + '*'; }
    case 'cast': return e.type || undefined;
    case 'call': return ctx.callResult(e.call);
    case 'new': case 'literal': return e.type;
    case 'choice': return e.options.map((o) => typeOfExpr(o, ctx, depth + 1)).find((t) => t !== undefined);
    default: return undefined;
  }
}

function typeOfName(name: string, ctx: TypeContext, depth: number): CType | undefined {
  for (const fn of [ctx.fn, ctx.outer]) {
    if (!fn) continue;
    const local = lastLocal(fn, name);
    if (local) {
      if (local.type !== 'auto' && local.type !== 'auto*') return local.dims.length ? local.type + '*' : local.type;
      return local.init ? typeOfInit(local.init, { ...ctx, fn, outer: fn === ctx.fn ? ctx.outer : undefined }, depth + 1) : undefined;
    }
    const p = fn.params.find((x) => x.name === name);
    if (p) return p.type;
  }
  const cls = ctx.fn.cls ?? ctx.outer?.cls;
  const rec = cls ? recordNamed(cls, ctx.types) : undefined;
  const member = rec ? fieldType(rec, name, ctx.types) : undefined;
  if (member) return member;
  const g = ctx.types.globals.get(name);
  return g ? (g.dims.length ? g.type + '*' : g.type) : undefined;
}

function lastLocal(fn: CNodeInfo, name: string) {
  for (let i = fn.locals.length - 1; i >= 0; i--) if (fn.locals[i].name === name) return fn.locals[i];
  return undefined;
}

function typeOfInit(init: CInit, ctx: TypeContext, depth: number): CType | undefined {
  if (init.kind !== 'expr') return undefined;
  const e = init.expr;
  // A range-for variable: the element type of what it ranges over.
  if (e.kind === 'index') {
    const container = typeOfExpr(e.base, ctx, depth + 1);
    return container !== undefined ? elementType(container, ctx.types) : undefined;
  }
  return typeOfExpr(e, ctx, depth + 1);
}

/** Whether `name` is a local or parameter of the function (or of the one a lambda is written in). */
export function isLocalName(name: string, ctx: TypeContext): 'own' | 'outer' | undefined {
  if (lastLocal(ctx.fn, name) || ctx.fn.params.some((p) => p.name === name)) return 'own';
  if (ctx.outer && (lastLocal(ctx.outer, name) || ctx.outer.params.some((p) => p.name === name))) return 'outer';
  return undefined;
}
