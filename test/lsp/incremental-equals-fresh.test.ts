// Incremental equals fresh (issue 5): thousands of seeded random edits (typing, pastes, deletions,
// CRLF, CJK/emoji, the cgo preamble, .c files) go through the spawned server's incremental path
// (ranged didChange in UTF-16 positions); at checkpoints and at the end the diagnostics it published
// must equal those of a fresh server process that opens the same final texts. Discrepancies the
// random runs found are kept below as short edit sequences (regression cases).
// G0GUARD_CONSISTENCY_EDITS=20000 runs longer; G0GUARD_CONSISTENCY_SEED=N (or "random") picks a seed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { generate } from '../../bench/lsp-latency';
import { LspClient, RULE_FIXTURES, uri } from '../harness/lsp-client';
import { RandomEditor, applyEdit, toChange, type Edit } from '../harness/random-edits';
import { rng } from '../harness/rng';

const EDITS = Number(process.env.G0GUARD_CONSISTENCY_EDITS ?? 2500);
const CHECKPOINT = 250;
const SEED = process.env.G0GUARD_CONSISTENCY_SEED === 'random' ? (Math.random() * 2 ** 32) >>> 0 : Number(process.env.G0GUARD_CONSISTENCY_SEED ?? 20240611);

/** Fixture packages with findings in Go, preambles, .c and .h files, one across two packages (each its own module). */
const FIXTURES = [
  'c-recursion/flagged/cycle-between-preamble-and-c-file',
  'cgo-callback-recursion/flagged/package-c-file-calls-export',
  'cgo-callback-recursion/flagged/mutual-recursion-two-exports',
  'export-panic/flagged/direct-panic',
  'export-panic/flagged/panic-via-other-package',
  'c-large-frame/flagged/local-int-matrix-2d',
  'g0-missing-norace/flagged/g0guard-systemstack-comment',
];

/**
 * The workspace: the latency bench's generated cgo package (a 5,000-line big.go) and copies of the
 * fixtures, one of them in CRLF, CJK comments on top of some files, and direct-panic's export.go
 * padded past the size where the server re-reads Go files one function at a time.
 */
function workspace(): { dir: string; files: string[] } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-consistency-')));
  fs.mkdirSync(path.join(dir, 'bench'));
  const { big, small } = generate(path.join(dir, 'bench'));
  const files = [big, ...small.slice(0, 3)];
  // Stale ignores between big.go's functions: findings in the facts outside every function.
  let k = 0;
  fs.writeFileSync(big, fs.readFileSync(big, 'utf8').replace(/\n\/\/ work(\d+) /g, (m) => (k++ % 40 === 39 ? `\n//g0guard:ignore g0-panic left over${m}` : m)));
  FIXTURES.forEach((rel, k) => {
    const to = path.join(dir, path.basename(rel));
    fs.cpSync(path.join(RULE_FIXTURES, rel), to, { recursive: true });
    for (const name of (fs.readdirSync(to, { recursive: true }) as string[]).sort()) {
      const file = path.join(to, name);
      if (!/\.(go|c|h)$/.test(name)) continue;
      let text = fs.readFileSync(file, 'utf8');
      if (k % 2 === 0) text = `// 日本語のコメント 😀 ${name}\n` + text;
      if (name === 'export.go' && rel.endsWith('direct-panic')) text += padding();
      if (k === 0) text = text.replace(/\n/g, '\r\n');
      fs.writeFileSync(file, text);
      files.push(file);
    }
  });
  return { dir, files };
}

/** Go functions (≈10 KB) that call into the fixture's export, with maps, panics, an ignore and package-level literals between them. */
function padding(): string {
  const out: string[] = [''];
  for (let i = 0; i < 60; i++) {
    out.push(`// helper${i} 计算 ✨`, `func helper${i}(n int) int {`, '\ttotal := 0', '\tfor j := 0; j < n; j++ {', `\t\ttotal += j * ${i}`, '\t}');
    if (i % 7 === 0) out.push(`\tif total < 0 {`, `\t\tpanic("helper${i}")`, '\t}');
    if (i % 11 === 0) out.push('\tseen := map[int]bool{}', '\tseen[total] = true');
    if (i % 13 === 5) out.push('\t//g0guard:ignore export-panic the caller checks n first', '\tpanic("ignored")');
    out.push(`\treturn total + int(GoWeight(C.int(${i % 3})))`, '}', '');
    // Package-level declarations between functions: facts outside every function, after some of them.
    // (An ignore between functions silences nothing: its g0guard-ignore finding sits in those facts.)
    if (i % 10 === 9) out.push(`var hook${i} = func() { helper${i}(1); panic("hook") }`, `var table${i} = map[int]int{${i}: 1}`, '', '//g0guard:ignore export-panic left over', '');
  }
  return out.join('\n');
}

/** What the comparison looks at (not `data`: it carries the document version, which differs). */
function normalize(ds: Diagnostic[]): unknown[] {
  return ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message, tags: d.tags, relatedInformation: d.relatedInformation }));
}

/** Every URI's latest published diagnostics (an absent URI means none). */
function snapshot(client: LspClient): Map<string, unknown[]> {
  return new Map([...client.published].map(([u, p]) => [u, normalize(p.diagnostics)]));
}

/** After this resolves, every publish of the checks that saw the edits sent so far has arrived. */
async function barrier(client: LspClient, file: string): Promise<void> {
  // Requests wait for the pending check; the answer is written after that check's notifications.
  await client.request('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: 0, character: 0 } });
}

async function freshDiagnostics(dir: string, texts: Map<string, string>): Promise<Map<string, unknown[]>> {
  const fresh = await LspClient.start({ folders: [dir] });
  try {
    await fresh.indexed(120000);
    for (const [file, text] of texts) await fresh.open(file, text);
    for (const file of texts.keys()) await fresh.diagnostics(file, undefined, 60000);
    await barrier(fresh, [...texts.keys()][0]);
    return snapshot(fresh);
  } finally {
    await fresh.stop();
  }
}

/** The first difference, described, or undefined when both sides published the same. */
function difference(inc: Map<string, unknown[]>, fresh: Map<string, unknown[]>): string | undefined {
  for (const u of [...new Set([...inc.keys(), ...fresh.keys()])].sort()) {
    const a = inc.get(u) ?? [], b = fresh.get(u) ?? [];
    try {
      assert.deepStrictEqual(a, b);
    } catch (e) {
      const k = a.findIndex((d, i) => JSON.stringify(d) !== JSON.stringify(b[i]));
      const first = `first difference at #${k < 0 ? b.length : k}:\n  incremental ${JSON.stringify(a[k] ?? null)}\n  fresh       ${JSON.stringify(b[k] ?? null)}`;
      return `${u}: incremental has ${a.length} diagnostics, fresh has ${b.length}; ${first}\n${(e as Error).message}`;
    }
  }
  return undefined;
}

/** Opens `open` in a new workspace, replays ranged edits (file, edit of its text), compares with a fresh server. */
async function replay(files: Record<string, string>, open: string[], edits: [string, (text: string) => Edit][]): Promise<string | undefined> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-consistency-case-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const client = await LspClient.forTest({ folders: [dir] }, dir);
  await client.indexed(60000);
  const opened = open.map((f) => path.join(dir, f));
  for (const f of opened) await client.open(f);
  for (const f of opened) await client.diagnostics(f);
  for (const [file, make] of edits) {
    const target = path.join(dir, file), text = client.text(target);
    const version = await client.change(target, [toChange(text, make(text))]);
    await client.diagnostics(target, (_, p) => p.version === version);
  }
  await barrier(client, opened[0]);
  return difference(snapshot(client), await freshDiagnostics(dir, new Map(opened.map((f) => [f, client.text(f)]))));
}

const at = (text: string, needle: string) => { const i = text.indexOf(needle); assert.ok(i >= 0, needle); return i; };

describe('incremental equals fresh', () => {
  it('regression (seed 13): a function nested across regions by error recovery is read whole, not spliced', async () => {
    // helper1 loses its closing brace and a `}` lands before `func helper5`: tree-sitter sees helper5
    // as a top-level declaration while the extractor nests it under helper1. Spliced per function,
    // its parent index pointed at itself and the call graph threw: every diagnostic of the package
    // vanished until the syntax error was fixed.
    const L = ['package main', '', '/*', 'int total_weight(int n);', '*/', 'import "C"', '', '//export GoWeight', 'func GoWeight(i C.int) C.int {', '\tpanic("weight")', '}', ''];
    for (let i = 0; i < 120; i++) L.push(`func helper${i}(n int) int {`, '\ttotal := 0', '\tfor j := 0; j < n; j++ {', `\t\ttotal += j * ${i}`, '\t}', '\treturn total + int(GoWeight(1))', '}', '');
    const diff = await replay({ 'go.mod': 'module example.com/nested\n\ngo 1.19\n', 'export.go': L.join('\n') }, ['export.go'], [
      ['export.go', (t) => { const s = at(t, '\treturn total + int(GoWeight(1))\n}\n\nfunc helper2('); return { start: s, end: t.indexOf('func helper2(', s), text: '', kind: 'delete' }; }],
      ['export.go', (t) => ({ start: at(t, 'func helper5('), end: at(t, 'func helper5('), text: '}', kind: 'noise' })],
      ['export.go', (t) => { const s = at(t, '\t\ttotal += j * 9\n'); return { start: s, end: s, text: '\tC.total_weight(1)\n', kind: 'insert' }; }],
    ]);
    assert.ok(!diff, diff);
  });

  it('regression (seed 17): a package that stops being cgo or reached drops the bodies earlier checks read', async () => {
    // b is reached for a while (a call typed into the export, then deleted) and a2.go is edited
    // while its package is cgo; then `//go:build ignore` takes the cgo file out. Bodies read back
    // then (b's loaded in place, a2's full facts cached for its text) kept reporting the unused
    // g0guard:ignore inside them; a fresh server reads both as an outline and reports nothing.
    const ignore = '\t//g0guard:ignore export-panic checked by the caller\n';
    const diff = await replay({
      'go.mod': 'module example.com/m\n\ngo 1.19\n',
      'a/a.go': 'package a\n\n/*\nvoid f(void) {}\n*/\nimport "C"\n\nimport "example.com/m/b"\n\nvar _ = b.G\n\n//export GoF\nfunc GoF() {\n\tC.f()\n}\n',
      'a/a2.go': 'package a\n\nfunc A2(x int) int {\n\treturn x\n}\n',
      'b/b.go': `package b\n\nfunc G() {\n${ignore}\tprintln()\n}\n`,
    }, ['a/a.go', 'a/a2.go'], [
      ['a/a.go', (t) => ({ start: at(t, '\tC.f()'), end: at(t, '\tC.f()'), text: '\tb.G()\n', kind: 'insert' })],
      ['a/a2.go', (t) => ({ start: at(t, '\treturn x'), end: at(t, '\treturn x'), text: ignore, kind: 'insert' })],
      ['a/a.go', (t) => ({ start: at(t, '\tb.G()\n'), end: at(t, '\tb.G()\n') + 7, text: '', kind: 'delete' })],
      ['a/a.go', () => ({ start: 0, end: 0, text: '//go:build ignore\n\n', kind: 'build' })],
    ]);
    assert.ok(!diff, diff);
  });

  it(`${EDITS} random edits give the diagnostics of a fresh server (seed ${SEED})`, { timeout: 30 * 60_000 }, async () => {
    const { dir, files } = workspace();
    const client = await LspClient.forTest({ folders: [dir] }, dir);
    await client.indexed(120000);
    for (const f of files) await client.open(f);
    for (const f of files) await client.diagnostics(f, undefined, 60000);

    const random = rng(SEED);
    const editor = new RandomEditor(random);
    const big = files[0], padded = files.find((f) => f.endsWith(path.join('direct-panic', 'export.go')))!;
    const cFiles = files.filter((f) => !f.endsWith('.go')), goFiles = files.filter((f) => f.endsWith('.go') && f !== big && f !== padded);
    const log: { file: string; edits: Edit[]; reopened?: boolean; waited?: boolean }[] = [];
    const kinds = new Map<string, number>();
    let checkpoints = 0, waits = 0, edits = 0, freshMs = 0;
    const distinct = new Set<string>();
    const fail = (where: string, diff: string) => {
      // Keep what is needed to replay: the seed, the edits in order and the final texts.
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-consistency-failure-'));
      fs.writeFileSync(path.join(out, 'edits.json'), JSON.stringify({ seed: SEED, log: log.map((l) => ({ ...l, file: path.relative(dir, l.file) })) }, null, 1));
      for (const f of files) fs.writeFileSync(path.join(out, path.relative(dir, f).replace(/\//g, '__')), client.text(f));
      assert.fail(`incremental ≠ fresh ${where} (seed ${SEED}, G0GUARD_CONSISTENCY_SEED=${SEED} replays it; edits and texts in ${out})\n${diff}`);
    };
    const checkpoint = async (where: string) => {
      for (const f of files) await client.diagnostics(f, undefined, 60000);
      await barrier(client, big);
      const texts = new Map(files.map((f) => [f, client.text(f)]));
      const tf = performance.now();
      const diff = difference(snapshot(client), await freshDiagnostics(dir, texts));
      freshMs += performance.now() - tf;
      if (diff) fail(where, diff);
      checkpoints++;
    };

    const t0 = performance.now();
    while (edits < EDITS) {
      if (random() < 0.002) {
        // Discard a file's unsaved edits: close it (the text on disk takes over) and open it again.
        const f = files[Math.floor(random() * files.length)];
        await client.close(f);
        editor.reset(f);
        await client.open(f);
        log.push({ file: f, edits: [], reopened: true });
        kinds.set('reopen', (kinds.get('reopen') ?? 0) + 1);
      }
      const roll = random();
      const file = roll < 0.35 ? big : roll < 0.5 ? padded : roll < 0.75 ? goFiles[Math.floor(random() * goFiles.length)] : cFiles[Math.floor(random() * cFiles.length)];
      // Mostly one change per didChange; sometimes several (multi-cursor), each in the coordinates left by the previous.
      const n = random() < 0.05 ? 2 + Math.floor(random() * 2) : 1;
      let text = client.text(file);
      const batch: Edit[] = [], changes = [];
      for (let k = 0; k < n; k++) {
        const e = editor.next(file, text);
        changes.push(toChange(text, e));
        text = applyEdit(text, e);
        batch.push(e);
        kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      }
      log.push({ file, edits: batch });
      const version = await client.change(file, changes);
      assert.equal(client.text(file), text);
      const before = edits;
      edits += n;
      // Half the time wait for this version (each keystroke checked alone), else let edits coalesce.
      if (random() < 0.5) {
        const ds = await client.diagnostics(file, (_, p) => p.version === version, 60000);
        distinct.add(JSON.stringify(normalize(ds)));
        log[log.length - 1].waited = true;
        waits++;
      }
      if (Math.floor(edits / CHECKPOINT) > Math.floor(before / CHECKPOINT) || edits >= EDITS) await checkpoint(`after edit ${edits}`);
    }
    assert.ok(client.alive, 'the server is still running');
    const summary = [...kinds].sort().map(([k, v]) => `${k} ${v}`).join(', ');
    // How the server read the big Go files (its per-check debug log): the incremental paths must have run.
    const reads = (how: string) => client.logs.filter((l) => l.includes(`re-read ${how}`)).length;
    const paths = { piece: reads('one function'), skeleton: reads('outside its functions'), whole: reads('whole') };
    console.log(`# ${edits} edits (${summary}) in ${files.length} files, ${waits} waited on alone; big files re-read: one function ${paths.piece}, `
      + `skeleton ${paths.skeleton}, whole ${paths.whole}; ${distinct.size} distinct diagnostic sets; ${checkpoints} checkpoints equal to a fresh server (${(freshMs / 1000).toFixed(1)} s in fresh servers); `
      + `${((performance.now() - t0) / 1000).toFixed(1)} s, seed ${SEED}`);
    if (EDITS >= 1000) {
      assert.ok(paths.piece > 0 && paths.skeleton > 0, 'both incremental paths ran');
      assert.ok(distinct.size > 20, 'the edits changed the findings');
    }
  });
});
