// The extension manifest (package.json): `contributes` is generated from the rule metadata by
// scripts/gen-manifest.mjs and must not go stale; activation, workspace trust and commands match
// what client/src registers; every setting the client can send is one the server's config accepts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/config/config';
import { ALL_RULE_META, RULE_IDS } from '../../server/src/rules/registry';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const props: Record<string, any> = pkg.contributes?.configuration?.properties ?? {};

test('contributes is what scripts/gen-manifest.mjs generates from the rule metadata', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-manifest.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stderr}${r.stdout}`);
});

test('every rule has a setting: off/error/warning/information, its own severity as default, a description', () => {
  for (const rule of ALL_RULE_META) {
    const p = props[`g0guard.rules.${rule.id}`];
    assert.ok(p, `no setting g0guard.rules.${rule.id}`);
    assert.deepEqual(p.enum, ['off', 'error', 'warning', 'information']);
    assert.equal(p.enumDescriptions.length, p.enum.length);
    assert.equal(p.default, rule.severity);
    assert.equal(p.description, rule.title);
    assert.match(p.markdownDescription, new RegExp(rule.id));
  }
  const ruleKeys = Object.keys(props).filter((k) => k.startsWith('g0guard.rules.'));
  assert.equal(ruleKeys.length, ALL_RULE_META.length, 'a setting for a rule that does not exist');
});

test('every other config key has a setting with the same default', () => {
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
    if (key === 'rules') continue;
    const p = props[`g0guard.${key}`];
    assert.ok(p, `no setting g0guard.${key}`);
    assert.deepEqual(p.default, value, key);
    assert.ok(p.markdownDescription || p.description, `g0guard.${key} has no description`);
  }
});

test('the settings the client sends (g0guard.* but trace.server, nested at dots) pass the server config check', () => {
  const raw: Record<string, any> = {};
  for (const [key, p] of Object.entries(props)) {
    const rest = key.slice('g0guard.'.length);
    if (rest === 'trace.server') continue;
    const [head, ...tail] = rest.split('.');
    if (tail.length) (raw[head] ??= {})[tail.join('.')] = p.default;
    else raw[head] = p.default;
  }
  const { problems } = mergeConfig(DEFAULT_CONFIG, raw, RULE_IDS, 'settings');
  assert.deepEqual(problems, []);
});

test('activation, workspace trust and entry point', () => {
  assert.ok(pkg.activationEvents.includes('onLanguage:go'));
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.go'));
  assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: false });
  assert.equal(pkg.main, './dist/extension.js');
  assert.ok(pkg.scripts['vscode:prepublish'], 'vsce must bundle before packaging');
});

test('each contributed command is registered by the client', () => {
  const src = fs.readdirSync(path.join(root, 'client', 'src')).map((f) => fs.readFileSync(path.join(root, 'client', 'src', f), 'utf8')).join('\n');
  const ids = pkg.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(ids.sort(), ['g0guard.openRuleDocs', 'g0guard.rescan', 'g0guard.showEvidencePath']);
  for (const id of ids) assert.ok(src.includes(`registerCommand('${id}'`), `client/src never registers ${id}`);
});
