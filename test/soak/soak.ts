// `npm run soak` (issue 5): a language server lives for days in an editor, so its memory must stay
// flat. Spawns the real server (`g0guard lsp --stdio`, wasm parser) on the latency bench's generated
// cgo package, replays 20,000 seeded random edits (test/harness/random-edits.ts) and 500 file
// opens/closes, samples the server's RSS (/proc/<pid>/status VmRSS) and V8 heap (the g0guard/memory
// request, after a GC), prints the curve, writes docs/soak-memory.png, and fails when memory after
// the last quarter is over 1.15× memory after the first (definition printed with the result).
// G0GUARD_SOAK_EDITS, G0GUARD_SOAK_OPENS and G0GUARD_SOAK_SEED change the run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generate } from '../../bench/lsp-latency';
import type { MemoryReport } from '../../server/src/lsp/memory';
import { LspClient, REPO } from '../harness/lsp-client';
import { RandomEditor, applyEdit, toChange } from '../harness/random-edits';
import { rng } from '../harness/rng';
import { lineChart } from './chart';

const EDITS = Number(process.env.G0GUARD_SOAK_EDITS ?? 20000);
const OPENS = Number(process.env.G0GUARD_SOAK_OPENS ?? 500);
const SEED = Number(process.env.G0GUARD_SOAK_SEED ?? 7);
/**
 * One sample every 10 edits at the default 20,000 (2,000 over the run, 25 in each window the
 * verdict reads: RSS swings by ±20 MiB from one sample to the next). Uniform, because each sample
 * forces a GC, which lowers RSS for a while: denser sampling in the windows would bias them.
 */
const SAMPLE_EVERY = Math.max(1, Math.round(EDITS / 2000));
const LIMIT = 1.15;
/** The share of each quarter, at its end, whose samples give "memory after the quarter". */
const WINDOW = 0.05;
const CHART = path.join(REPO, 'docs', 'soak-memory.png');
const MiB = 1024 * 1024;

interface Sample { edit: number; opens: number; seconds: number; rss: number; heapUsed: number; external: number; tables: Record<string, number> }

/** A C file beside the Go files (edited too): recursion, a callback into Go, a big frame now and then. */
const C_SIDE = `#include "_cgo_export.h"

static int depth(int n) {
\tchar pad[128];
\tpad[0] = (char)n;
\treturn n > 0 ? depth(n - 1) + pad[0] : 0;
}

void c_side(int n) {
\tgoStep1(depth(n));
}
`;

function vmRss(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const mib = (n: number) => (n / MiB).toFixed(1);

async function main(): Promise<number> {
  if (process.platform !== 'linux') { console.error('soak: reads /proc/<pid>/status, Linux only'); return 2; }
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-soak-')));
  const { big, small } = generate(dir);
  const cSide = path.join(dir, 'cside.c');
  fs.writeFileSync(cSide, C_SIDE);
  const t0 = performance.now();
  const client = await LspClient.start({ folders: [dir], nodeArgs: ['--expose-gc'] });
  const samples: Sample[] = [];
  try {
    await client.indexed(120000);
    const pid = client.proc.pid!;
    const random = rng(SEED);
    const editor = new RandomEditor(random);
    let current = small[0], opens = 0, lastFile = big;
    for (const f of [big, cSide, current]) { await client.open(f); await client.diagnostics(f, undefined, 60000); }
    const sample = async (edit: number) => {
      await client.diagnostics(lastFile, undefined, 60000); // quiet: the check for the last edit is done
      const m = await client.request<MemoryReport>('g0guard/memory', { gc: true });
      if (!m?.collected) throw new Error('g0guard/memory did not collect garbage (is the server running with --expose-gc?)');
      samples.push({ edit, opens, seconds: (performance.now() - t0) / 1000, rss: vmRss(pid), heapUsed: m.heapUsed, external: m.external, tables: m.tables });
    };
    await sample(0);
    const openEvery = OPENS > 0 ? Math.max(1, Math.floor(EDITS / OPENS)) : Infinity;
    console.log(`soak: ${EDITS} edits, ${OPENS} opens/closes, seed ${SEED}; workspace ${dir} (${small.length + 2} files, big.go ${(fs.statSync(big).size / 1024).toFixed(0)} KB); server pid ${pid}`);
    for (let i = 1; i <= EDITS; i++) {
      if (i % openEvery === 0 && opens < OPENS) {
        // Close the small file (its unsaved edits go: the disk text takes over) and open the next one.
        await client.close(current);
        editor.reset(current);
        current = small[(small.indexOf(current) + 1) % small.length];
        await client.open(current);
        opens++;
        lastFile = current;
      }
      const roll = random();
      const file = roll < 0.55 ? big : roll < 0.7 ? cSide : current;
      const text = client.text(file);
      const e = editor.next(file, text);
      const version = await client.change(file, [toChange(text, e)]);
      if (client.text(file) !== applyEdit(text, e)) throw new Error('client text diverged from the edit model');
      lastFile = file;
      // Half of the edits are checked alone; the rest coalesce with the next ones, as in fast typing.
      if (random() < 0.5) await client.diagnostics(file, (_, p) => p.version === version, 60000);
      if (i % SAMPLE_EVERY === 0 || i === EDITS) await sample(i);
      if (i % 1000 === 0 && process.stderr.isTTY) process.stderr.write(`\r${i}/${EDITS} edits, ${opens} opens, ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${mib(samples[samples.length - 1].rss)} MiB `);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!client.alive) throw new Error('the server exited');
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return report(samples, (performance.now() - t0) / 1000);
}

function report(samples: Sample[], seconds: number): number {
  console.log('\nmemory of the server process (heap after a forced GC; external includes the wasm parser memory):');
  console.log('  edits  opens    time   RSS MiB  heap MiB  external MiB  fact cache  open docs');
  const step = EDITS / 20;
  const rows = Array.from({ length: 21 }, (_, k) => samples.find((x) => x.edit >= k * step)).filter((x, k, a): x is Sample => !!x && a.indexOf(x) === k);
  for (const s of rows) {
    console.log(`${String(s.edit).padStart(7)} ${String(s.opens).padStart(6)} ${s.seconds.toFixed(0).padStart(6)} s ${mib(s.rss).padStart(9)} ${mib(s.heapUsed).padStart(9)} ${mib(s.external).padStart(13)} ${String(s.tables.factCache).padStart(11)} ${String(s.tables.openDocuments).padStart(10)}`);
  }
  const quarter = EDITS / 4;
  const after = [1, 2, 3, 4].map((q) => {
    const from = q * quarter - WINDOW * quarter, to = q * quarter;
    const w = samples.filter((s) => s.edit > from && s.edit <= to);
    return { q, from, to, n: w.length, rss: median(w.map((s) => s.rss)), heap: median(w.map((s) => s.heapUsed)), external: median(w.map((s) => s.external)) };
  });
  console.log(`\n"memory after quarter q" = the median of the samples taken in the last ${WINDOW * 100}% of that quarter's edits (one sample every ${SAMPLE_EVERY} edits, each after the edit's check and a forced GC)`);
  for (const a of after) console.log(`  Q${a.q} (edits ${Math.round(a.from) + 1}–${a.to}, ${a.n} samples): RSS ${mib(a.rss)} MiB, heap ${mib(a.heap)} MiB, external ${mib(a.external)} MiB`);
  const rssRatio = after[3].rss / after[0].rss, heapRatio = after[3].heap / after[0].heap;
  const ok = rssRatio <= LIMIT && heapRatio <= LIMIT;
  const verdict = `Q4/Q1: RSS ${rssRatio.toFixed(3)}x, heap ${heapRatio.toFixed(3)}x (limit ${LIMIT}x)`;
  console.log(`${verdict}: ${ok ? 'PASS' : 'FAIL'}; ${samples[samples.length - 1].opens} opens/closes, ${EDITS} edits in ${seconds.toFixed(0)} s`);
  fs.mkdirSync(path.dirname(CHART), { recursive: true });
  fs.writeFileSync(CHART, lineChart({
    title: `g0guard soak: ${EDITS.toLocaleString('en')} edits, ${OPENS} opens/closes`,
    subtitle: `${verdict}: ${ok ? 'pass' : 'FAIL'}, ${(seconds / 60).toFixed(1)} min`,
    xLabel: 'edits replayed', yLabel: 'MiB',
    series: [
      { name: 'RSS', color: [214, 69, 65], points: samples.map((s) => [s.edit, s.rss / MiB]) },
      { name: 'V8 heap (after GC)', color: [52, 101, 164], points: samples.map((s) => [s.edit, s.heapUsed / MiB]) },
      { name: 'external (wasm)', color: [78, 154, 6], points: samples.map((s) => [s.edit, s.external / MiB]) },
    ],
    bands: after.map((a) => ({ from: a.from, to: a.to, label: `Q${a.q}` })),
    marks: [1, 2, 3].map((q) => q * quarter),
  }));
  console.log(`chart: ${path.relative(process.cwd(), CHART)}`);
  return ok ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 2; });
