// Renders a rule's documentation page (docs/rules/<id>.md) from its metadata, the same record that
// feeds hovers and SARIF. A test keeps the committed pages in step with the metadata.
import type { RuleMeta } from './rule';

export const RULE_DOCS_BASE = 'https://github.com/g0guard/g0guard/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

export function renderRuleDoc(rule: RuleMeta): string {
  return `<!-- Generated from server/src/rules/${rule.id === 'g0guard-ignore' ? 'ignore-rule' : rule.id}.ts by \`npm run docs\`; do not edit. -->
# ${rule.id}

**${rule.title}** · default severity: ${rule.severity}

${rule.doc}

## Flagged

\`\`\`${fence(rule.before)}
${rule.before}
\`\`\`

## Fixed

\`\`\`${fence(rule.after)}
${rule.after}
\`\`\`

## Configuration and suppression

- \`.g0guard.json\`: \`{"rules": {"${rule.id}": "off" | "error" | "warning" | "information"}}\`
- On the line or the line above: \`//g0guard:ignore ${rule.id} <reason>\` (a reason is required).
`;
}

function fence(code: string): string {
  return /^\s*(\/\/export|func |\/\/go:|package |var |type )/m.test(code) ? 'go' : 'c';
}
