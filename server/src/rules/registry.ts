// Every rule g0guard runs, in the order docs and SARIF list them.
import { cLargeFrame } from './c-large-frame';
import { cRecursion } from './c-recursion';
import { cgoCallbackRecursion } from './cgo-callback-recursion';
import { exportPanic } from './export-panic';
import { ignoreRule } from './ignore-rule';
import type { Rule, RuleMeta } from './rule';

export const RULES: Rule[] = [cgoCallbackRecursion, cLargeFrame, cRecursion, exportPanic];

/** Rules plus the pseudo-rule that reports bad or unused //g0guard:ignore comments. */
export const ALL_RULE_META: RuleMeta[] = [...RULES, ignoreRule];

export const RULE_IDS = new Set(ALL_RULE_META.map((r) => r.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULE_META.find((r) => r.id === id);
}
