// `npm run bench -- DIR [--runs N]` (or `-- --big`: big generated files, big-files.ts): the parse floor (read + parse every Go file the check reads,
// and every C and C++ file under the tree once) against the full check of the same tree on one
// thread and on every core, per backend, in one run. Prints medians, ratios and peak memory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discover } from '../server/src/model/discover';
import type { BackendName, ParserBackend } from '../server/src/parse/backend';
import { createBackend } from '../server/src/parse/create-backend';
import { outlineAgreement } from '../test/harness/outline-agreement';
import { benchBigFiles } from './big-files';
import { checkInChild, median, type ChildRun } from './child-check';

function parseOnly(backend: ParserBackend, files: string[]): number {
  const t0 = performance.now();
  for (const f of files) {
    const tree = backend.parse(langOf(f), fs.readFileSync(f, 'utf8'));
    tree.dispose();
  }
  return performance.now() - t0;
}

function langOf(file: string): 'go' | 'c' | 'cpp' {
  return file.endsWith('.go') ? 'go' : /\.(cc|cpp|cxx|hh|hpp|hxx)$/.test(file) ? 'cpp' : 'c';
}

/** Median time and peak memory of `runs` checks in fresh processes. */
function checks(backend: BackendName, dir: string, threads: number, runs: number): { ms: number; peakMiB: number; last: ChildRun } {
  const all = Array.from({ length: runs }, () => checkInChild(backend, dir, threads));
  return { ms: median(all.map((r) => r.ms)), peakMiB: Math.max(...all.map((r) => r.maxRssKiB)) / 1024, last: all[all.length - 1] };
}

/**
 * The check reads most files as outlines that skip function bodies (outline-holes.ts); on this
 * tree, each such outline must equal the one read from the whole parse, or the timing is moot.
 * Files the whole parse finds syntax errors in may differ: the two error recoveries differ.
 */
function outlinesAgree(backend: ParserBackend, files: string[]): { same: number; differ: string[]; withErrors: number } {
  const out = { same: 0, differ: [] as string[], withErrors: 0 };
  for (const f of files) {
    const agreement = outlineAgreement(backend, fs.readFileSync(f, 'utf8'));
    if (agreement === 'errors') out.withErrors++;
    else if (agreement === 'same') out.same++;
    else out.differ.push(f);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  if (args.includes('--big')) {
    const sizesAt = args.indexOf('--sizes');
    return benchBigFiles(sizesAt >= 0 ? args[sizesAt + 1].split(',').map(Number) : [1, 4, 16, 64], runsAt >= 0 ? runs : 1);
  }
  const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--sizes') ?? 'examples');
  const folders = discover([dir]).folders;
  const goFiles = folders.flatMap((f) => f.goFiles);
  const cFiles = folders.flatMap((f) => f.cFiles).filter((f) => !f.endsWith('.m') && !f.endsWith('.inc'));
  const size = (files: string[]) => files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const goBytes = size(goFiles), cBytes = size(cFiles), bytes = goBytes + cBytes;
  console.log(`tree: ${dir}`);
  console.log(`files: ${goFiles.length} Go files, ${(goBytes / 1e6).toFixed(1)} MB; ${cFiles.length} C/C++ files, ${(cBytes / 1e6).toFixed(1)} MB; ${runs} run(s) each, medians`);
  for (const name of ['native', 'wasm'] as BackendName[]) {
    const backend = await createBackend(name);
    const agree = outlinesAgree(backend, goFiles);
    console.log(`${name.padEnd(6)} outlines skipping bodies equal whole-parse outlines on ${agree.same} files (${agree.withErrors} with syntax errors not compared)` +
      (agree.differ.length ? `; DIFFER on ${agree.differ.length}: ${agree.differ.slice(0, 5).join(', ')}` : ''));
    if (agree.differ.length) process.exitCode = 1;
    const goParse = median(Array.from({ length: runs }, () => parseOnly(backend, goFiles)));
    const cParse = median(Array.from({ length: runs }, () => parseOnly(backend, cFiles)));
    const parse = goParse + cParse;
    const threads = os.availableParallelism();
    const one = checks(name, dir, 1, runs), many = checks(name, dir, threads, runs);
    const ratio = (ms: number) => `${(ms / parse).toFixed(2)}x`;
    console.log(`${name.padEnd(6)} parse-only ${parse.toFixed(0).padStart(6)} ms (Go ${goParse.toFixed(0)} + C/C++ ${cParse.toFixed(0)}; ${(bytes / 1e6 / (parse / 1000)).toFixed(1)} MB/s)   ` +
      `check, 1 thread ${one.ms.toFixed(0).padStart(6)} ms ${ratio(one.ms)} (peak RSS ${one.peakMiB.toFixed(0)} MiB)   ` +
      `check, ${threads} threads ${many.ms.toFixed(0).padStart(6)} ms ${ratio(many.ms)} (peak RSS ${many.peakMiB.toFixed(0)} MiB)   ` +
      `${many.last.functions} functions, ${many.last.unresolved} unresolved calls, ${many.last.findings} findings` +
      (many.last.findings !== one.last.findings ? ` (1 thread: ${one.last.findings}: MISMATCH)` : ''));
    if (many.last.findings !== one.last.findings) process.exitCode = 1;
  }
}

main().catch((e) => { console.error(e); process.exit(2); });
