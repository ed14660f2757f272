// docs/rules/<id>.md are generated from rule metadata; this fails when they are stale.
// `npm run docs` rewrites them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ALL_RULE_META } from '../../server/src/rules/registry';
import { renderRuleDoc } from '../../server/src/rules/rule-docs';

const DOCS = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules');

test('every rule has an up-to-date docs page, and no page is left over', () => {
  const update = process.env.G0GUARD_UPDATE_DOCS === '1';
  if (update) fs.mkdirSync(DOCS, { recursive: true });
  for (const rule of ALL_RULE_META) {
    const file = path.join(DOCS, `${rule.id}.md`);
    const want = renderRuleDoc(rule);
    if (update) fs.writeFileSync(file, want);
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run docs`);
    assert.equal(fs.readFileSync(file, 'utf8'), want, `${file} is stale: run npm run docs`);
  }
  const ids = new Set(ALL_RULE_META.map((r) => `${r.id}.md`));
  assert.deepEqual(fs.readdirSync(DOCS).filter((f) => !ids.has(f)), []);
});

test('rule metadata is complete and titles follow the house style', () => {
  for (const r of ALL_RULE_META) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    // Lower case but for the proper nouns Go, C and C++ (and //go: directives), no period.
    const common = r.title.replace(/\b(?:Go|C\+\+|C)\b/g, '');
    assert.ok(common === common.toLowerCase() && !r.title.endsWith('.'), `${r.id}: title is lower case without a period`);
    assert.doesNotMatch(r.title, /\b(?:go|c)\b(?![-:])/, `${r.id}: Go and C are capitalized`);
    assert.ok(r.doc.length > 100 && r.before && r.after, `${r.id}: doc, before and after are filled in`);
  }
});
