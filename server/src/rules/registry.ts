// Every rule g0guard runs, in the order docs and SARIF list them.
import { cLargeFrame } from './c-large-frame';
import { cRecursion } from './c-recursion';
import { cgoCallbackRecursion } from './cgo-callback-recursion';
import { exportPanic } from './export-panic';
import { g0MapUse } from './g0-map-use';
import { g0MissingNorace } from './g0-missing-norace';
import { g0Panic } from './g0-panic';
import { g0RaceOp } from './g0-race-op';
import { g0StackGrowth } from './g0-stack-growth';
import { ignoreRule } from './ignore-rule';
import type { Rule, RuleMeta } from './rule';

export const RULES: Rule[] = [cgoCallbackRecursion, cLargeFrame, cRecursion, exportPanic, g0MissingNorace, g0MapUse, g0RaceOp, g0Panic, g0StackGrowth];

/** Rules plus the pseudo-rule that reports bad or unused //g0guard:ignore comments. */
export const ALL_RULE_META: RuleMeta[] = [...RULES, ignoreRule];

export const RULE_IDS = new Set(ALL_RULE_META.map((r) => r.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULE_META.find((r) => r.id === id);
}
