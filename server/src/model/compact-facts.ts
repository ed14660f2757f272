// One file's facts repeat the same small values thousands of times: `int`, `string`, the callee
// `C.int`, an argument flow `{param: 0, delta: 0}`, a receiver, an empty list. Each is kept once
// per file here, frozen, so a late write fails loudly instead of writing into every function that
// shares it. Strings are kept as flat copies: a name sliced from the text is otherwise stored two
// bytes a character when the file holds any non-ASCII text, and a slice of a big file's piece keeps
// the whole piece alive. Parts that hold a span stay as they are (each is unique, and offsets move).
// Only files read in pieces are compacted (sharingFor, extract-go.ts).
import { flatString } from '../util/flat-string';
import { isRange } from './shift-offsets';
import type { GoFileFacts, GoFunc, GoTypeDecl, Span } from './facts';

const NONE: never[] = Object.freeze([]) as unknown as never[];
const NOTHING: Record<string, never> = Object.freeze({}) as Record<string, never>;

/** `share` is kept across the pieces of a file read a piece at a time (extract-go.ts, go-chunks.ts). */
export function compactGoFacts(facts: GoFileFacts, share: FactSharing | undefined): GoFileFacts {
  compactFuncs(facts.funcs, share);
  compactTypes(facts.types, share);
  return facts;
}

export function compactFuncs(funcs: GoFunc[], share: FactSharing | undefined): void {
  if (share) for (const f of funcs) share.fieldsOf(f);
}

/** Type declarations are looked up by identity (method sets): their parts are shared, not they. */
export function compactTypes(types: GoTypeDecl[], share: FactSharing | undefined): void {
  if (share) for (const t of types) share.fieldsOf(t);
}

export function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export class FactSharing {
  private readonly strings = new Map<string, string>();
  private readonly parts = new Map<string, object>();
  private readonly spans = new Map<number, Span[]>();

  /** Shares what each field of `o` holds, in place; `o` itself stays. */
  fieldsOf(o: object): void {
    this.spans.clear(); // ranges repeat within a function, not across
    const fields = o as Record<string, unknown>;
    for (const k in fields) fields[k] = this.value(fields[k]);
  }

  /** Whether the last value() held no span (a flag, not a returned pair: this runs for every part of every function). */
  private spanFree = true;

  private value(v: unknown): unknown {
    this.spanFree = true;
    if (typeof v === 'string') return this.string(v);
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
    const fields = v as Record<string, unknown>;
    // A span's offsets move: it is never frozen nor shared beyond its function. A call is a span
    // with more fields, which are shared like any part's.
    const isSpan = typeof fields.start === 'number' && typeof fields.end === 'number';
    if (isSpan && isRange(v)) {
      const shared = this.span(v as Span);
      this.spanFree = false;
      return shared;
    }
    let spanFree = !isSpan;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        v[i] = this.value(v[i]);
        spanFree &&= this.spanFree;
      }
    } else {
      for (const k in fields) {
        fields[k] = this.value(fields[k]);
        spanFree &&= this.spanFree;
      }
    }
    this.spanFree = spanFree;
    // A list pushed to keeps room to grow (16 slots and more): a copy has none.
    if (!spanFree) return Array.isArray(v) ? v.slice() : v;
    if (Array.isArray(v) ? v.length === 0 : isEmpty(v)) return Array.isArray(v) ? NONE : NOTHING;
    const key = (Array.isArray(v) ? '[' : '{') + JSON.stringify(v);
    let shared = this.parts.get(key);
    if (shared === undefined) this.parts.set(key, (shared = Object.freeze(v)));
    return shared;
  }

  private string(s: string): string {
    let shared = this.strings.get(s);
    if (shared === undefined) this.strings.set(s, (shared = flatString(s)));
    return shared;
  }

  /** Equal bare spans of a function become one object. */
  private span(s: Span): Span {
    let sameStart = this.spans.get(s.start);
    if (sameStart === undefined) this.spans.set(s.start, (sameStart = []));
    const shared = sameStart.find((x) => x.end === s.end);
    if (shared) return shared;
    sameStart.push(s);
    return s;
  }
}
