// The g0 rules beyond what fixtures show: the queries compile on both backends, roots, evidence,
// the //go:norace fixes as text edits, and the never-instrumented package list.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { DEFAULT_CONFIG, type Config } from '../../server/src/config/config';
import { analyze } from '../../server/src/findings/analyze';
import type { Finding, Fix } from '../../server/src/findings/finding';
import { g0Reach } from '../../server/src/graph/g0-reach';
import { neverInstrumented, neverInstrumentedPath } from '../../server/src/graph/never-instrumented';
import type { Package } from '../../server/src/model/package';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { FIXTURES } from '../harness/fixtures';
import { tempDir } from '../harness/temp-workspace';

const backends: Record<string, ParserBackend> = {};
before(async () => {
  backends.native = await createBackend('native');
  backends.wasm = await createBackend('wasm');
});

function workspace(files: Record<string, string>): string {
  const dir = tempDir('g0guard-g0-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function run(dir: string, config: Config = DEFAULT_CONFIG, backend = 'native') {
  return analyze({ backend: backends[backend], config, paths: [dir] });
}

function applyFix(fix: Fix): string {
  const file = fix.edits[0].file;
  assert.ok(fix.edits.every((e) => e.file === file), 'this helper applies edits to one file');
  let text = file.text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  return text;
}

const byRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('g0 reachability and rules', () => {
  it('compiles every query file on both backends', () => {
    for (const b of Object.values(backends)) {
      const names = b.compileAllQueries();
      for (const q of ['map-ops', 'chan-ops', 'defers', 'local-arrays', 'stack-switch', 'statement-calls', 'asserted-locals']) assert.ok(names.includes(`go/${q}`), `${b.name}: go/${q}`);
    }
  });

  it('offers //go:norace below the doc comment and other directives, and one fix for the whole path', () => {
    const dir = workspace({
      'go.mod': 'module example.com/fixes\n\ngo 1.19\n',
      'hooks.go': [
        'package hooks',
        '',
        '// OnPark is called on g0.',
        '//',
        '//g0guard:systemstack',
        'func OnPark(id int64) {',
        '\tnote(id)',
        '}',
        '',
        '// note records the id.',
        '//go:nosplit',
        'func note(id int64) {',
        '\tlast = id',
        '}',
        '',
        'var last int64',
        '',
      ].join('\n'),
    });
    const findings = byRule(run(dir).findings, 'g0-missing-norace');
    assert.deepEqual(findings.map((f) => f.file.lines.position(f.span.start).line + 1), [6, 12]);
    const note = findings[1];
    assert.equal(note.fixes.length, 2);
    assert.match(applyFix(note.fixes[0]), /\/\/ note records the id\.\n\/\/go:nosplit\n\/\/go:norace\nfunc note\(/);
    assert.equal(note.fixes[1].title, 'Add //go:norace to the 2 functions on the path from hooks.OnPark');
    const all = applyFix(note.fixes[1]);
    assert.match(all, /\/\/g0guard:systemstack\n\/\/go:norace\nfunc OnPark\(/);
    assert.match(all, /\/\/go:nosplit\n\/\/go:norace\nfunc note\(/);
    assert.deepEqual(note.related.map((r) => r.message), ['root hooks.OnPark: marked //g0guard:systemstack', 'hooks.OnPark calls hooks.note']);
    assert.deepEqual(note.data, { root: 'hooks.OnPark', path: ['hooks.OnPark', 'hooks.note'] });
  });

  it('keeps CRLF line endings in the inserted directive', () => {
    const dir = workspace({
      'go.mod': 'module example.com/crlf\n\ngo 1.19\n',
      'hooks.go': 'package hooks\r\n\r\n//g0guard:systemstack\r\nfunc OnPark() {\r\n}\r\n',
    });
    const [finding] = byRule(run(dir).findings, 'g0-missing-norace');
    assert.equal(finding.fixes[0].edits[0].newText, '//go:norace\r\n');
    assert.match(applyFix(finding.fixes[0]), /\/\/g0guard:systemstack\r\n\/\/go:norace\r\nfunc OnPark/);
  });

  it('finds roots: mcall targets, systemstack literals, runtime g0 functions only in package runtime', () => {
    const dir = workspace({
      'go.mod': 'module example.com/roots\n\ngo 1.19\n',
      'runtime/proc.go': [
        'package runtime',
        '',
        'type g struct{ id int64 }',
        '',
        'func mcall(fn func(*g))',
        'func systemstack(fn func())',
        '',
        'func gopark() {',
        '\tmcall(park_x)',
        '\tsystemstack(func() {})',
        '}',
        '',
        'func park_x(gp *g) {}',
        '',
        'func schedule() {}',
        '',
      ].join('\n'),
      'app/app.go': 'package app\n\n// Not the runtime: a function called schedule here is no root.\nfunc schedule() {}\n',
    });
    const result = run(dir);
    const reach = g0Reach(result.index, DEFAULT_CONFIG);
    const roots = [...reach.roots.entries()].map(([id, why]) => `${result.index.graph.nodes[id].display}: ${why}`).sort();
    assert.equal(roots.length, 3);
    assert.match(roots[0], /gopark \(func literal\): a func literal passed to systemstack$/);
    assert.deepEqual(roots.slice(1), ['runtime.park_x: passed to mcall', 'runtime.schedule: which the runtime runs on g0']);
    assert.equal(g0Reach(result.index, DEFAULT_CONFIG), reach, 'computed once per analysis');
    assert.deepEqual(result.findings, [], 'package runtime needs no //go:norace');
  });

  it('gives the same g0 findings on both backends for every g0 fixture', () => {
    for (const rule of fs.readdirSync(FIXTURES).filter((r) => r.startsWith('g0-'))) {
      for (const kind of ['flagged', 'safe']) {
        for (const name of fs.readdirSync(path.join(FIXTURES, rule, kind))) {
          const dir = path.join(FIXTURES, rule, kind, name);
          const shape = (b: string) => run(dir, DEFAULT_CONFIG, b).findings.map((f) => ({ rule: f.rule, at: f.span.start, message: f.message, related: f.related.length, fixes: f.fixes.map((x) => x.edits.map((e) => e.span.start)) }));
          assert.deepEqual(shape('wasm'), shape('native'), `${rule}/${kind}/${name}`);
        }
      }
    }
  });

  it('knows the never-instrumented packages exactly', () => {
    for (const p of ['runtime', 'runtime/internal/atomic', 'internal/runtime/maps', 'internal/abi', 'internal/cpu', 'runtime/race', 'internal/stringslite']) assert.ok(neverInstrumentedPath(p), p);
    for (const p of ['internal/bytealg', 'sync', 'sync/atomic', 'runtime/pprof', 'runtime/debug', 'internal/abix', 'example.com/runtime']) assert.ok(!neverInstrumentedPath(p), p);
    const pkg = (name: string, importPath: string) => ({ name, importPath, dir: '', goFiles: [], cFiles: [], cUnits: [], cViews: [], unknownConditions: 0 }) as Package;
    assert.ok(neverInstrumented(pkg('runtime', 'example.com/agent/runtime')), 'injected code declares package runtime');
    assert.ok(!neverInstrumented(pkg('trace', 'example.com/agent/trace')));
  });
});
