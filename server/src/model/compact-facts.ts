// Most functions of a big file have no panics, defers, locals or guards, and outlines have no
// calls at all: their empty lists are one shared frozen value instead of one each (over 40% of an
// outline's memory). Frozen, so a late push fails loudly rather than writing into every function.
import type { GoFileFacts, GoFunc } from './facts';

const NONE: never[] = Object.freeze([]) as unknown as never[];
const NOTHING: Record<string, never> = Object.freeze({}) as Record<string, never>;

const LISTS = ['directives', 'params', 'results', 'calls', 'panics', 'topDefers', 'guards', 'ops', 'flows'] as const;
const MAPS = ['locals', 'localCalls'] as const;

export function compactGoFacts(facts: GoFileFacts): GoFileFacts {
  for (const f of facts.funcs) compactFunc(f);
  return facts;
}

function compactFunc(f: GoFunc): void {
  const lists = f as unknown as Record<string, unknown[]>, maps = f as unknown as Record<string, Record<string, unknown>>;
  for (const k of LISTS) if (lists[k].length === 0) lists[k] = NONE;
  for (const k of MAPS) if (isEmpty(maps[k])) maps[k] = NOTHING;
}

export function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
