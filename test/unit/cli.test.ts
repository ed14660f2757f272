// The CLI end to end on real files: exit codes, the three formats, config discovery, suppression,
// bad input on stderr while the rest goes on, and SARIF validated against the 2.1.0 schema.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../harness/run-cli';
import { tempWorkspace } from '../harness/temp-workspace';

const RECURSION = {
  'go.mod': 'module example.com/w\n\ngo 1.19\n',
  'walk.go': `package w

// #include "walk.h"
import "C"

//export goStep
func goStep(n C.int) {
	// 深さ制限なし 😀
	C.step(n + 1)
}
`,
  'walk.h': 'void step(int n);\n',
  'walk.c': '#include "walk.h"\n#include "_cgo_export.h"\nvoid step(int n) { goStep(n); }\n',
};

describe('g0guard check', () => {
  it('prints go-vet-style lines and exits 1 on findings, 0 when clean', () => {
    const dir = tempWorkspace(RECURSION);
    const r = runCli(['check', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^walk\.go:9:2: Go↔C recursion w\.goStep → C\.step → w\.goStep has no depth bound.* \(cgo-callback-recursion\)$/m);
    assert.match(r.stdout, /^\twalk\.c:3:20: C\.step calls exported w\.goStep \(C → Go\)$/m);
    const clean = tempWorkspace({ 'a.go': 'package a\n\nfunc A() {}\n' });
    assert.deepEqual(runCli(['check', clean], clean), { status: 0, stdout: '', stderr: '' });
  });

  it('a named file is checked with its module: findings in it or whose evidence passes through it', () => {
    const dir = tempWorkspace({
      ...RECURSION,
      'other.go': 'package w\n\nfunc Other() int { return 1 }\n',
      'cb/cb.go': 'package cb\n\nimport "C"\n\nimport "example.com/w/deep"\n\n//export goNotify\nfunc goNotify() { deep.Fail() }\n',
      'deep/deep.go': 'package deep\n\n// Fail panics: nothing recovers it before the C caller.\nfunc Fail() { panic("失败") }\n',
      'testdata/t.go': 'package t\n\nimport "C"\n\n//export goT\nfunc goT() { panic(1) }\n',
    });
    const headlines = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => l && !l.startsWith('\t')).map((l) => l.replace(/:\d+:\d+: .*\((.*)\)$/, ' $1'));
    assert.deepEqual(headlines(runCli(['check', 'walk.go'], dir)), ['walk.go cgo-callback-recursion']);
    assert.deepEqual(headlines(runCli(['check', 'walk.c'], dir)), ['walk.go cgo-callback-recursion'], 'the cycle passes through walk.c');
    assert.deepEqual(headlines(runCli(['check', 'deep/deep.go'], dir)), ['cb/cb.go export-panic'], 'the panic its caller in another package reports');
    assert.deepEqual(headlines(runCli(['check', 'walk.go', 'deep/deep.go'], dir)), ['cb/cb.go export-panic', 'walk.go cgo-callback-recursion']);
    assert.deepEqual(runCli(['check', 'other.go'], dir), { status: 0, stdout: '', stderr: '' });
    assert.deepEqual(headlines(runCli(['check', 'testdata/t.go'], dir)), ['testdata/t.go export-panic'], 'a folder ./... skips is still the named file\'s package');
    assert.deepEqual(headlines(runCli(['check', '.'], dir)), ['cb/cb.go export-panic', 'walk.go cgo-callback-recursion']);
    const notSource = runCli(['check', 'go.mod'], dir);
    assert.equal(notSource.status, 0);
    assert.match(notSource.stderr, /go\.mod: not a Go, C or C\+\+ file; skipped/);
  });

  it('a named file without a go.mod above it is checked with its own folder', () => {
    const dir = tempWorkspace({ 'a/walk.go': RECURSION['walk.go'], 'a/walk.h': RECURSION['walk.h'], 'a/walk.c': RECURSION['walk.c'] });
    const r = runCli(['check', 'a/walk.c'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^a\/walk\.go:9:2: .*\(cgo-callback-recursion\)$/m);
  });

  it('json: 1-based lines, UTF-16 columns, related hops, stats', () => {
    const dir = tempWorkspace({ ...RECURSION, 'walk.go': RECURSION['walk.go'].replace('\tC.step(n + 1)', '\t/* 中文😀 */ C.step(n + 1)') });
    const r = runCli(['check', '--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    const f = out.findings[0];
    assert.deepEqual([f.rule, f.severity, f.file, f.line, f.column], ['cgo-callback-recursion', 'error', 'walk.go', 9, 13]); // tab, '/* ', 中文 (2), 😀 (2 UTF-16 units), ' */ '
    assert.equal(f.endColumn, 26);
    assert.deepEqual(f.related.map((x: { file: string; line: number }) => `${x.file}:${x.line}`), ['walk.go:9', 'walk.c:3']);
    assert.equal(out.stats.packages, 1);
    assert.ok(out.stats.edges.cgo >= 1 && out.stats.edges.export >= 1);
  });

  it('puts every position, evidence included, in the unit each format promises, after CJK and emoji', () => {
    // Non-ASCII text before the finding and before each hop: the Go call and the C call back.
    const goLine = '\t/* 深さ 😀 */ C.step(n + 1)';
    const cLine = 'void step(int n) { /* 中文 🎉 */ goStep(n); }';
    const dir = tempWorkspace({ ...RECURSION, 'walk.go': RECURSION['walk.go'].replace('\tC.step(n + 1)', goLine), 'walk.c': `#include "walk.h"\n#include "_cgo_export.h"\n${cLine}\n` });
    const goCol = { bytes: Buffer.byteLength(goLine.slice(0, goLine.indexOf('C.step')), 'utf8') + 1, utf16: goLine.indexOf('C.step') + 1 };
    const cCol = { bytes: Buffer.byteLength(cLine.slice(0, cLine.indexOf('goStep')), 'utf8') + 1, utf16: cLine.indexOf('goStep') + 1 };
    assert.notEqual(goCol.bytes, goCol.utf16);

    const text = runCli(['check', '.'], dir).stdout;
    assert.match(text, new RegExp(`^walk\\.go:9:${goCol.bytes}: Go↔C recursion`, 'm'));
    assert.match(text, new RegExp(`^\\twalk\\.go:9:${goCol.bytes}: w\\.goStep calls C\\.step`, 'm'));
    assert.match(text, new RegExp(`^\\twalk\\.c:3:${cCol.bytes}: C\\.step calls exported w\\.goStep`, 'm'));

    const json = JSON.parse(runCli(['check', '--format', 'json', '.'], dir).stdout).findings[0];
    assert.equal(json.column, goCol.utf16);
    assert.deepEqual(json.related.map((r: { column: number }) => r.column), [goCol.utf16, cCol.utf16]);

    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '.'], dir).stdout).runs[0].results[0];
    assert.equal(sarif.locations[0].physicalLocation.region.startColumn, goCol.utf16);
    assert.deepEqual(sarif.relatedLocations.map((r: { physicalLocation: { region: { startColumn: number } } }) => r.physicalLocation.region.startColumn), [goCol.utf16, cCol.utf16]);
  });

  it('sarif validates against the SARIF 2.1.0 schema and carries rules, related locations and fingerprints', () => {
    const dir = tempWorkspace(RECURSION);
    const r = runCli(['check', '--format=sarif', '.'], dir);
    const log = JSON.parse(r.stdout);
    const Ajv = require('ajv-draft-04');
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // unicodeRegExp off: the schema's language pattern is not valid with the u flag.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'export-panic'));
    assert.equal(run.results[0].relatedLocations.length, 2);
    assert.match(run.results[0].partialFingerprints['g0guard/v1'], /^[0-9a-f]{32}$/);
  });

  it('finds .g0guard.json above the checked folder; --config wins; bad keys are named and defaults apply', () => {
    const dir = tempWorkspace({ ...RECURSION, '.g0guard.json': '{"rules": {"cgo-callback-recursion": "off"}, "largeFrameBytes": "big", "color": 1}' });
    const r = runCli(['check', '.'], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stderr, /"largeFrameBytes" must be a positive number/);
    assert.match(r.stderr, /unknown key "color"/);
    fs.writeFileSync(path.join(dir, 'other.json'), '{}');
    assert.equal(runCli(['check', '--config', 'other.json', '.'], dir).status, 1);
    fs.writeFileSync(path.join(dir, '.g0guard.json'), '{ not json');
    const broken = runCli(['check', '.'], dir);
    assert.equal(broken.status, 1, 'a found config that is broken warns and the defaults apply');
    assert.match(broken.stderr, /not valid JSON.*using the defaults/);
    const named = runCli(['check', '--config', '.g0guard.json', '.'], dir);
    assert.equal(named.status, 2, 'a config named on the command line must be usable');
    assert.match(named.stderr, /--config .*not valid JSON/);
    assert.equal(named.stdout, '');
  });

  it('a systemStackRoots entry that names nothing is said on stderr, in JSON and in SARIF; one hidden by a build constraint says so', () => {
    const dir = tempWorkspace({
      ...RECURSION,
      '.g0guard.json': JSON.stringify({ systemStackRoots: ['w.goStpe', 'w.onSwitch', 'w.goStep'] }),
      'template.go': '//go:build ignore\n\npackage w\n\nfunc onSwitch() {}\n',
    });
    const r = runCli(['check', '.'], dir);
    assert.match(r.stderr, /\.g0guard\.json: "systemStackRoots": "w\.goStpe" matches no function of the checked packages/);
    assert.match(r.stderr, /"w\.onSwitch" matches no function of the checked packages; it is declared only in template\.go, which no build for linux\/amd64 includes \(template\.go: \/\/go:build ignore\)/);
    assert.doesNotMatch(r.stderr, /"w\.goStep"/, 'a name that matches is no problem');
    const json = JSON.parse(runCli(['check', '--format=json', '.'], dir).stdout);
    assert.equal(json.configProblems.length, 2);
    const sarif = JSON.parse(runCli(['check', '--format=sarif', '.'], dir).stdout);
    const notes = sarif.runs[0].invocations[0].toolConfigurationNotifications;
    assert.deepEqual(notes.map((n: { level: string }) => n.level), ['warning', 'warning']);
    assert.match(notes[1].message.text, /template\.go/);
  });

  it('suppresses with a reasoned //g0guard:ignore and reports ignores without reason or match', () => {
    const go = RECURSION['walk.go'].replace('\tC.step(n + 1)', '\t//g0guard:ignore cgo-callback-recursion depth is capped by the C side\n\tC.step(n + 1)');
    const ok = runCli(['check', '.'], tempWorkspace({ ...RECURSION, 'walk.go': go }));
    assert.equal(ok.status, 0, ok.stdout);
    const noReason = runCli(['check', '.'], tempWorkspace({ ...RECURSION, 'walk.go': go.replace(' depth is capped by the C side', '') }));
    assert.match(noReason.stdout, /needs a reason/);
    assert.match(noReason.stdout, /cgo-callback-recursion\)$/m);
    const unused = runCli(['check', '.'], tempWorkspace({ 'a.go': 'package a\n\n//g0guard:ignore c-recursion nothing here\nfunc A() {}\n\n//g0guard:ignore no-such-rule why\nfunc B() {}\n' }));
    assert.match(unused.stdout, /a\.go:3:1: g0guard:ignore c-recursion matches no finding/);
    assert.match(unused.stdout, /a\.go:6:1: g0guard:ignore names an unknown rule "no-such-rule"/);
  });

  it('reports unreadable and binary files on stderr and checks the rest; usage errors exit 2', () => {
    const dir = tempWorkspace({ ...RECURSION, 'bin.go': 'package w\x00\x01', 'sub/x.go': 'package sub\n' });
    fs.chmodSync(path.join(dir, 'sub', 'x.go'), 0o000);
    const r = runCli(['check', '.'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bin\.go: binary content/);
    if (process.getuid?.() !== 0) assert.match(r.stderr, /x\.go: cannot read/);
    assert.equal(runCli(['check', '--format', 'xml'], dir).status, 2);
    assert.equal(runCli(['check', 'missing-folder'], dir).status, 2);
    assert.equal(runCli(['frobnicate'], dir).status, 2);
  });

  it('walks folders like ./... and skips vendor, testdata and dot-folders', () => {
    const dir = tempWorkspace(Object.fromEntries(['vendor/v', 'testdata/t', '.hidden/h', 'real'].flatMap((d) =>
      Object.entries(RECURSION).filter(([n]) => n !== 'go.mod').map(([n, t]) => [`${d}/${n}`, t]))));
    const out = JSON.parse(runCli(['check', '--format', 'json', './...'], dir).stdout);
    assert.deepEqual([...new Set(out.findings.map((f: { file: string }) => f.file.split('/')[0]))], ['real']);
  });
});
