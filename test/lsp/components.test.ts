// The language server checks each group of linked packages on its own (lsp/components.ts) and keeps
// the results of groups an edit did not touch. That is only right if no call-graph edge crosses two
// groups: checking group by group must give exactly the findings of one analysis of everything.
// Checked on every rule fixture loaded as one workspace and on packages linked only through an
// interface call, a //go:linkname, or a field type reached through an import.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { analyzePackages, loadOptionsFor } from '../../server/src/findings/analyze';
import type { Finding } from '../../server/src/findings/finding';
import { scopeAndBuild } from '../../server/src/findings/scope';
import { packageComponents } from '../../server/src/lsp/components';
import { discover } from '../../server/src/model/discover';
import { loadFolder, type Package } from '../../server/src/model/package';
import { createBackend } from '../../server/src/parse/create-backend';
import { removeTemp, RULE_FIXTURES, tempWorkspace } from '../harness/lsp-client';

async function load(root: string): Promise<{ packages: Package[]; check: (pkgs: Package[]) => Finding[] }> {
  const backend = await createBackend('native');
  const problems: string[] = [];
  const opts = loadOptionsFor({ backend, config: DEFAULT_CONFIG, paths: [], cache: new Map() }, root, problems);
  const packages = discover([root]).folders.flatMap((f) => loadFolder(f, opts));
  return { packages, check: (pkgs) => analyzePackages(scopeAndBuild(pkgs, DEFAULT_CONFIG, opts), DEFAULT_CONFIG, []).findings };
}

const show = (f: Finding) => `${f.file.path}:${f.span.start} ${f.rule} ${f.severity} ${f.message} | ${f.related.map((r) => `${r.file.path}:${r.span.start}`).join(' ')}`;

async function compare(root: string): Promise<{ groups: number; findings: number }> {
  const whole = await load(root);
  const expected = whole.check(whole.packages).map(show).sort();
  const parts = await load(root); // fresh packages: a check reads bodies into the packages it sees
  const groups = packageComponents(parts.packages);
  const got = groups.flatMap((g) => parts.check(g)).map(show).sort();
  assert.deepEqual(got, expected);
  return { groups: groups.length, findings: expected.length };
}

describe('package groups', () => {
  it('give the same findings as one analysis, on all rule fixtures as one workspace', async () => {
    const { groups, findings } = await compare(RULE_FIXTURES);
    assert.ok(groups > 50, `the fixtures split into many groups (${groups})`);
    assert.ok(findings > 50);
  });

  it('keep packages together that only an interface call, a linkname or an imported field type links', async () => {
    const ws = tempWorkspace({
      'go.mod': 'module example.com/ws\n\ngo 1.19\n',
      // cb calls Run through an interface; impl declares Run (no import between them).
      'cb/cb.go': 'package cb\n\nimport "C"\n\ntype Runner interface{ Run() }\n\nvar R Runner\n\n//export GoCb\nfunc GoCb() { R.Run() }\n',
      'impl/impl.go': 'package impl\n\ntype T struct{}\n\nfunc (T) Run() { panic("from impl") }\n',
      // hook pulls a body from lib by linkname.
      'hook/hook.go': 'package hook\n\nimport "C"\n\nimport _ "unsafe"\n\n//go:linkname helper example.com/ws/lib.helper\nfunc helper()\n\n//export GoHook\nfunc GoHook() { helper() }\n',
      'lib/lib.go': 'package lib\n\nfunc helper() { panic("from lib") }\n',
      // top reaches deep.T.M through mid's field type: top imports mid only.
      'top/top.go': 'package top\n\nimport "C"\n\nimport "example.com/ws/mid"\n\nvar H mid.Holder\n\n//export GoTop\nfunc GoTop() { H.D.M() }\n',
      'mid/mid.go': 'package mid\n\nimport "example.com/ws/deep"\n\ntype Holder struct{ D deep.T }\n',
      'deep/deep.go': 'package deep\n\ntype T struct{}\n\nfunc (T) M() { panic("from deep") }\n',
      'alone/alone.go': 'package alone\n\nfunc Quiet() int { return 1 }\n',
    });
    try {
      const { packages } = await load(ws);
      const groups = packageComponents(packages).map((g) => g.map((p) => p.name).sort().join('+')).sort();
      assert.ok(groups.includes('alone'), `alone is its own group: ${groups}`);
      assert.ok(groups.some((g) => g.includes('cb') && g.includes('impl')), `interface call links cb and impl: ${groups}`);
      assert.ok(groups.some((g) => g.includes('hook') && g.includes('lib')), `linkname links hook and lib: ${groups}`);
      assert.ok(groups.some((g) => g.includes('top') && g.includes('mid') && g.includes('deep')), `imports link top, mid, deep: ${groups}`);
      const { findings } = await compare(ws);
      assert.ok(findings >= 3, `each cross-package panic is found (${findings})`);
    } finally {
      removeTemp(ws);
    }
  });
});
