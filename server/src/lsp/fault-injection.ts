// A test hook, off unless G0GUARD_FAULT is set: `G0GUARD_FAULT=<rule-id>` makes that rule throw, and
// `G0GUARD_FAULT=parse` makes the parser throw, whenever the text involved holds G0GUARD_FAULT_TRIGGER.
// The LSP tests use it to prove that a failure becomes an internal-error diagnostic while the rest
// of the analysis still reports and the server stays up.
import type { ParserBackend } from '../parse/backend';
import { RULES } from '../rules/registry';

export const FAULT_TRIGGER = 'G0GUARD_FAULT_TRIGGER';

export function installFaultInjection(spec: string | undefined): (backend: ParserBackend) => ParserBackend {
  const rule = spec ? RULES.find((r) => r.id === spec) : undefined;
  if (rule) {
    const run = rule.run.bind(rule);
    rule.run = (ctx) => {
      for (const pi of ctx.index.packages.values()) {
        for (const f of [...pi.pkg.goFiles, ...pi.pkg.cFiles]) {
          if (f.text.includes(FAULT_TRIGGER)) throw new Error(`injected fault in ${rule.id} (${FAULT_TRIGGER})`);
        }
      }
      run(ctx);
    };
  }
  if (spec !== 'parse') return (b) => b;
  return (b) => ({
    ...b,
    parse(lang, text, ranges) {
      if (text.includes(FAULT_TRIGGER)) throw new Error(`injected parser fault (${FAULT_TRIGGER})`);
      return b.parse(lang, text, ranges);
    },
  });
}
