// g0guard-ignore: the suppression comments themselves (a reason is required, the rule must exist,
// and an ignore that matches nothing is stale). Reported by findings/suppress.ts.
import type { RuleMeta } from './rule';

export const ignoreRule: RuleMeta = {
  id: 'g0guard-ignore',
  title: 'malformed or unused suppression comment',
  severity: 'warning',
  doc: 'A `//g0guard:ignore RULE reason` comment silences RULE on its own line and the line below. It needs a known rule id and a reason, and one that silences nothing is reported so stale suppressions do not pile up.',
  before: '//g0guard:ignore c-recursion\nstatic int depth(node *n) { ... }',
  after: '//g0guard:ignore c-recursion trees are at most 64 deep (validated in parse_tree)\nstatic int depth(node *n) { ... }',
};
