// `npm run bench -- DIR [--runs N]`: the parse floor (read + parse every Go file the check reads)
// against the full check of the same tree, per backend, in one run. Prints medians and ratios.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_CONFIG } from '../server/src/config/config';
import { analyze } from '../server/src/findings/analyze';
import { discover } from '../server/src/model/discover';
import { extractGoOutline } from '../server/src/model/extract-go';
import type { BackendName, ParserBackend } from '../server/src/parse/backend';
import { createBackend } from '../server/src/parse/create-backend';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function parseOnly(backend: ParserBackend, files: string[]): number {
  const t0 = performance.now();
  for (const f of files) {
    const tree = backend.parse('go', fs.readFileSync(f, 'utf8'));
    tree.dispose();
  }
  return performance.now() - t0;
}

function fullCheck(backend: ParserBackend, dir: string): { ms: number; findings: number; functions: number; unresolved: number } {
  const t0 = performance.now();
  const r = analyze({ backend, config: DEFAULT_CONFIG, paths: [dir] }); // no cache: every file parsed afresh
  return { ms: performance.now() - t0, findings: r.findings.length, functions: r.stats.functions, unresolved: r.stats.unresolvedCalls };
}

/** The parallel check in a fresh process, so its peak memory is its own. */
function parallelCheckInChild(backend: BackendName, dir: string, threads: number): { ms: number; maxRssKiB: number } {
  const analyzeModule = require.resolve('../server/src/findings/analyze');
  const configModule = require.resolve('../server/src/config/config');
  const createModule = require.resolve('../server/src/parse/create-backend');
  const script = `(async () => {
    const { analyzeParallel } = require(${JSON.stringify(analyzeModule)});
    const { DEFAULT_CONFIG } = require(${JSON.stringify(configModule)});
    const backend = await require(${JSON.stringify(createModule)}).createBackend(${JSON.stringify(backend)});
    const t0 = performance.now();
    await analyzeParallel({ backend, backendName: ${JSON.stringify(backend)}, threads: ${threads}, config: DEFAULT_CONFIG, paths: [${JSON.stringify(dir)}] });
    // VmHWM, not getrusage: ru_maxrss survives exec and would report the parent's peak.
    const hwm = Number(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);
    console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKiB: hwm }));
  })()`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/**
 * The check reads most files as outlines that skip function bodies (outline-holes.ts); on this
 * tree, each such outline must equal the one read from the whole parse, or the timing is moot.
 * Files the whole parse finds syntax errors in may differ: the two error recoveries differ.
 */
function outlinesAgree(backend: ParserBackend, files: string[]): { same: number; differ: string[]; withErrors: number } {
  const out = { same: 0, differ: [] as string[], withErrors: 0 };
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const whole = extractGoOutline(backend, text, false, false);
    if (whole.errors) { out.withErrors++; continue; }
    if (isDeepStrictEqual(extractGoOutline(backend, text, false), whole)) out.same++; else out.differ.push(f);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'examples');
  const goFiles = discover([dir]).folders.flatMap((f) => f.goFiles);
  const bytes = goFiles.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`tree: ${dir}`);
  console.log(`files: ${goFiles.length} Go files, ${(bytes / 1e6).toFixed(1)} MB; ${runs} run(s) each, medians`);
  for (const name of ['native', 'wasm'] as BackendName[]) {
    const backend = await createBackend(name);
    const agree = outlinesAgree(backend, goFiles);
    console.log(`${name.padEnd(6)} outlines skipping bodies equal whole-parse outlines on ${agree.same} files (${agree.withErrors} with syntax errors not compared)` +
      (agree.differ.length ? `; DIFFER on ${agree.differ.length}: ${agree.differ.slice(0, 5).join(', ')}` : ''));
    if (agree.differ.length) process.exitCode = 1;
    const parse: number[] = [], check: number[] = [];
    let last = { ms: 0, findings: 0, functions: 0, unresolved: 0 };
    for (let i = 0; i < runs; i++) {
      parse.push(parseOnly(backend, goFiles));
      last = fullCheck(backend, dir);
      check.push(last.ms);
    }
    const parallel: number[] = [];
    const threads = os.availableParallelism();
    let peak = 0;
    for (let i = 0; i < runs; i++) {
      const r = parallelCheckInChild(name, dir, threads);
      parallel.push(r.ms);
      peak = Math.max(peak, r.maxRssKiB * 1024);
    }
    const p = median(parse), c = median(check), par = median(parallel);
    console.log(`${name.padEnd(6)} parse-only ${p.toFixed(0).padStart(7)} ms (${(bytes / 1e6 / (p / 1000)).toFixed(1)} MB/s)   full check ${c.toFixed(0).padStart(7)} ms   ratio ${(c / p).toFixed(2)}x   ` +
      `parallel check (${threads} threads) ${par.toFixed(0).padStart(7)} ms   ratio ${(par / p).toFixed(2)}x   peak RSS ${(peak / 1048576).toFixed(0)} MiB   ` +
      `(${last.functions} functions, ${last.unresolved} unresolved calls, ${last.findings} findings)`);
  }
}

main().catch((e) => { console.error(e); process.exit(2); });
