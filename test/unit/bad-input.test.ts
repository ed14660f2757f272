// The bad-input catalogue: each kind of hostile or broken input gets a clear message and the rest
// of the workspace is still checked. And a crafted workspace makes the engine read nothing outside it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { analyze } from '../../server/src/findings/analyze';
import { defaultReadFile, isInside } from '../../server/src/model/package';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { runCli } from '../harness/run-cli';
import { tempDir, tempWorkspace } from '../harness/temp-workspace';

let backend: ParserBackend;
before(async () => { backend = await createBackend('wasm'); });

const PANIC = { 'p.go': 'package p\n\nimport "C"\n\n//export goF\nfunc goF() { panic("x") }\n' };
const rulesHit = (dir: string, readFile?: (f: string) => string, config = DEFAULT_CONFIG) => {
  const r = analyze({ backend, config, paths: [dir], readFile });
  return { rules: r.findings.map((f) => f.rule), problems: r.problems };
};

describe('bad input', () => {
  it('a 50 MB file is skipped with a notice naming the limit; the limit is configurable', () => {
    const dir = tempWorkspace(PANIC);
    fs.writeFileSync(path.join(dir, 'huge.go'), 'package p\n\n' + '// padding line for size\n'.repeat(2_200_000));
    const r = rulesHit(dir);
    assert.deepEqual(r.rules, ['export-panic']);
    assert.match(r.problems.join('\n'), /huge\.go: 52\.5 MiB is over the 10 MiB limit \(maxFileBytes\); file skipped/);
    const small = rulesHit(dir, undefined, { ...DEFAULT_CONFIG, maxFileBytes: 16 });
    assert.match(small.problems.join('\n'), /p\.go: \d+ B is over the 16 B limit/);
  });

  it('a file that disappears between listing and reading, and one that cannot be read, are reported', () => {
    const dir = tempWorkspace({ ...PANIC, 'gone.go': 'package p\n', 'locked.go': 'package p\n' });
    const read = (f: string) => {
      if (f.endsWith('gone.go')) { fs.rmSync(f); return defaultReadFile(f); }
      if (f.endsWith('locked.go')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' }); // root can read any file: simulate
      return defaultReadFile(f);
    };
    const r = rulesHit(dir, read);
    assert.deepEqual(r.rules, ['export-panic']);
    assert.match(r.problems.join('\n'), /gone\.go: cannot read: ENOENT/);
    assert.match(r.problems.join('\n'), /locked\.go: cannot read: EACCES/);
  });

  it('symlink loops are not followed', () => {
    const dir = tempWorkspace(PANIC);
    fs.mkdirSync(path.join(dir, 'a'));
    fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'self'));
    assert.deepEqual(rulesHit(dir).rules, ['export-panic']);
  });

  it('broken and looping links to source files are named once; a link inside the folder is read', () => {
    const dir = tempWorkspace(PANIC);
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'impl.go'), 'package p\n\nfunc helper() {}\n');
    fs.symlinkSync(path.join(dir, 'real', 'impl.go'), path.join(dir, 'linked.go'));
    fs.symlinkSync(path.join(dir, 'nowhere.go'), path.join(dir, 'gone.go'));
    fs.symlinkSync(path.join(dir, 'b.c'), path.join(dir, 'a.c'));
    fs.symlinkSync(path.join(dir, 'a.c'), path.join(dir, 'b.c'));
    const r = rulesHit(dir);
    assert.deepEqual(r.rules, ['export-panic']);
    const text = r.problems.join('\n');
    assert.equal(text.match(/gone\.go: broken symbolic link; skipped/g)?.length, 1, text);
    assert.equal(text.match(/a\.c: symbolic link loops; skipped/g)?.length, 1, text);
    assert.ok(!text.includes('linked.go'), text);
  });

  it('invalid UTF-8, CRLF and a preamble that never closes still give an answer', () => {
    const dir = tempWorkspace({});
    fs.writeFileSync(path.join(dir, 'p.go'), Buffer.concat([Buffer.from('package p\r\n\r\nimport "C"\r\n\r\n// \xff\xfe bad bytes\r\n//export goF\r\nfunc goF() { panic("x") }\r\n', 'latin1')]));
    fs.writeFileSync(path.join(dir, 'q.go'), 'package p\n\n/*\nint x;\nimport "C"\n');
    const r = rulesHit(dir);
    assert.deepEqual(r.rules, ['export-panic']);
  });

  it('an unknown rule in .g0guard.json is named and the rest of the config applies', () => {
    const dir = tempWorkspace({ ...PANIC, '.g0guard.json': '{"rules": {"no-such-rule": "off", "export-panic": "information"}}' });
    const r = runCli(['check', '--format', 'json', '.'], dir);
    assert.match(r.stderr, /"rules\.no-such-rule" is not a g0guard rule/);
    assert.equal(JSON.parse(r.stdout).findings[0].severity, 'information');
  });

  it('a missing grammar file is named and the process does not crash', () => {
    const script = `process.env.G0GUARD_RESOURCES=${JSON.stringify(tempDir('g0guard-empty-'))};` +
      `require('fs').mkdirSync(process.env.G0GUARD_RESOURCES+'/grammars');require('fs').writeFileSync(process.env.G0GUARD_RESOURCES+'/grammars/manifest.json',JSON.stringify({grammars:[{lang:'go',file:'tree-sitter-go.wasm',package:'tree-sitter-go',version:'0',sha256:'0'}]}));` +
      `require(${JSON.stringify(require.resolve('../../server/src/parse/create-backend'))}).createBackend('wasm').then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(3)})`;
    const r = require('node:child_process').spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /grammar file .*tree-sitter-go\.wasm cannot be read/);
  });
});

describe('security', () => {
  it('a crafted workspace (symlinks to /etc, includes that climb out, traversal in config) reads nothing outside it', () => {
    const dir = tempWorkspace({
      'p.go': 'package p\n\n// #include "../../../../etc/hostname"\n// #include "/etc/passwd"\n// #include "sub/../../outside.h"\nimport "C"\n',
      '.g0guard.json': '{"exclude": ["../../etc/**"]}',
    });
    fs.writeFileSync(path.join(path.dirname(dir), 'outside.h'), 'int leaked(void) { return 1; }\n');
    fs.symlinkSync('/etc', path.join(dir, 'etc-link'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'host.go'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'host.c'));
    const read: string[] = [];
    const spy = (f: string) => { read.push(f); return defaultReadFile(f); };
    const r = analyze({ backend, config: DEFAULT_CONFIG, paths: [dir], readFile: spy });
    assert.ok(read.length > 0);
    for (const f of read) assert.ok(isInside(fs.realpathSync(f), fs.realpathSync(dir)), `read ${f}`);
    assert.ok(!r.packages.some((p) => p.cFiles.some((c) => c.path.includes('outside'))));
  });
});

describe('includes', () => {
  it('an #include "x.c" that is missing is reported: its C would go unchecked', () => {
    const dir = tempWorkspace({ 'p.go': 'package p\n\n// #include "missing/impl.c"\n// #include "gen.h"\nimport "C"\n' });
    const r = rulesHit(dir);
    assert.match(r.problems.join('\n'), /missing\/impl\.c: included from .* but not found; its C is not checked/);
    assert.ok(!r.problems.some((p) => p.includes('gen.h')), 'a header may come from -I: no notice');
  });
});
