// The rule fixes must produce Go that builds. Every flagged export-panic and cgo-callback-recursion
// fixture is copied and opened as one workspace folder each (one server, many roots), each
// finding's preferred quick fix is applied through the spawned server until the rule is silent, and
// `go build` (the real toolchain, cgo on, with the case's build tags) must pass.
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, RULE_FIXTURES, removeTemp, uri } from '../harness/lsp-client';

const RULES = ['export-panic', 'cgo-callback-recursion'];
const hasGo = spawnSync('go', ['version']).status === 0;

function goBuild(dir: string): Promise<{ ok: boolean; out: string }> {
  const configFile = path.join(dir, '.g0guard.json');
  const tags: string[] = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')).buildTags ?? [] : [];
  return new Promise((resolve) => {
    const p = spawn('go', ['build', ...(tags.length ? ['-tags', tags.join(',')] : []), '-o', os.devNull, '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off' } });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('close', (code) => resolve({ ok: code === 0, out }));
  });
}

describe('rule fixes compile', { skip: hasGo ? false : 'go is not installed' }, () => {
  let ws: string;
  let client: LspClient;
  const cases: { rule: string; name: string; dir: string }[] = [];
  before(async () => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-fixes-')));
    for (const rule of RULES) {
      for (const name of fs.readdirSync(path.join(RULE_FIXTURES, rule, 'flagged'))) {
        const dir = path.join(ws, rule, name);
        fs.cpSync(path.join(RULE_FIXTURES, rule, 'flagged', name), dir, { recursive: true });
        cases.push({ rule, name, dir });
      }
    }
    // Each case is a workspace folder of its own: its .g0guard.json (build tags …) applies to it alone.
    client = await LspClient.start({ folders: cases.map((c) => c.dir) });
    await client.indexed(60000);
  });
  after(async () => { await client.stop(); removeTemp(ws); });

  it('applies every preferred fix until the rule is silent, then go build passes', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const files = [...client.published.entries()]
        .filter(([u, p]) => u.startsWith(uri(c.dir) + '/') && p.diagnostics.some((d) => d.code === c.rule))
        .map(([u]) => new URL(u).pathname);
      assert.ok(files.length > 0, `${c.rule}/${c.name} is flagged`);
      for (const file of files) {
        await client.open(file);
        for (let round = 0; round < 5; round++) {
          const ds: Diagnostic[] = (await client.diagnostics(file)).filter((d) => d.code === c.rule);
          if (ds.length === 0) break;
          const actions: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: ds[0].range, context: { diagnostics: [ds[0]] } });
          const fix = actions.find((a) => a.isPreferred);
          assert.ok(fix, `${c.name}: a preferred fix for ${ds[0].message}`);
          await client.apply(fix.edit!);
        }
        assert.deepEqual((await client.diagnostics(file)).filter((d) => d.code === c.rule), [], `${c.name}: fixed`);
        fs.writeFileSync(file, client.text(file));
      }
    }
    // Two builds at a time (2 cores).
    const queue = [...cases];
    await Promise.all([0, 1].map(async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const r = await goBuild(c.dir);
        if (!r.ok) failures.push(`${c.rule}/${c.name}:\n${r.out}`);
      }
    }));
    assert.deepEqual(failures, []);
  });
});
