// The engine fuzzer: mutated fixtures and examples, written as real files, through the whole
// engine on both backends. No exception may escape and every input must finish within a time
// proportional to its size. Failing inputs are kept under test/fixtures/fuzz-regressions/.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { analyze } from '../../server/src/findings/analyze';
import { extractGo, extractGoAtOnce, ONE_PASS_CHARS } from '../../server/src/model/extract-go';
import type { ParserBackend } from '../../server/src/parse/backend';
import { outlineAgreement } from '../harness/outline-agreement';
import { Rng } from '../harness/rng';
import { deepNesting, grown, MUTATIONS } from './mutate';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const REGRESSIONS = path.join(REPO, 'test', 'fixtures', 'fuzz-regressions');

/** Milliseconds an input of `bytes` may take: generous, but linear. */
export function timeBound(bytes: number): number {
  return 2000 + bytes / 50;
}

export function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(go|c|h)$/.test(e.name)) out.push(full);
    }
  };
  walk(path.join(REPO, 'test', 'fixtures', 'rules'));
  walk(path.join(REPO, 'examples'));
  return out.sort();
}

/** Runs the engine on one package folder; returns an error text, or null when all is well. */
export function checkFolder(backend: ParserBackend, dir: string): string | null {
  const bytes = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  const t0 = performance.now();
  try {
    const r = analyze({ backend, config: DEFAULT_CONFIG, paths: [dir] });
    const internal = r.problems.find((p) => p.startsWith('internal error'));
    if (internal) return internal;
    const outlineError = checkOutlines(backend, dir);
    if (outlineError) return outlineError;
  } catch (e) {
    return `exception: ${(e as Error).stack ?? e}`;
  }
  const ms = performance.now() - t0;
  return ms > timeBound(bytes) ? `took ${ms.toFixed(0)} ms for ${bytes} bytes (bound ${timeBound(bytes).toFixed(0)} ms)` : null;
}

/**
 * The outline read that skips function bodies must agree with one over the whole parse wherever
 * the whole file parses cleanly (with syntax errors, the two error recoveries may differ).
 */
function checkOutlines(backend: ParserBackend, dir: string): string | null {
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.go'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (outlineAgreement(backend, text) === 'differ') return `${f}: the outline skipping bodies differs from the whole parse's`;
    if (text.length > ONE_PASS_CHARS && !piecesAgree(backend, text)) return `${f}: the facts read in pieces differ from one parse's`;
  }
  return null;
}

/** A big file read in pieces (and compacted) gives the facts of one parse left as read (where that parse is clean). */
function piecesAgree(backend: ParserBackend, text: string): boolean {
  const once = extractGoAtOnce(backend, text, false, false);
  return once.errors > 0 || JSON.stringify(extractGo(backend, text, false)) === JSON.stringify(once);
}

export interface FuzzReport { inputs: number; failures: { name: string; error: string; kept: string }[] }

export function fuzz(backends: ParserBackend[], iterations: number, seed: number): FuzzReport {
  const files = corpus();
  const rng = new Rng(seed);
  const names = Object.keys(MUTATIONS);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-fuzz-'));
  const report: FuzzReport = { inputs: 0, failures: [] };
  for (let i = 0; i < iterations; i++) {
    const dir = path.join(work, String(i));
    fs.mkdirSync(dir);
    let label: string;
    if (i % 100 === 99) {
      // Now and then a multi-megabyte Go file, damaged once somewhere (read in pieces).
      const source = rng.pick(files.filter((f) => f.endsWith('.go')));
      const mib = 1 + rng.int(2);
      fs.writeFileSync(path.join(dir, path.basename(source)), grown(fs.readFileSync(source), mib << 20, rng, fs.readFileSync(rng.pick(files))));
      label = `grown to ${mib} MiB: ${path.relative(REPO, source)}`;
    } else if (i % 50 === 49) {
      const deep = deepNesting(rng);
      fs.writeFileSync(path.join(dir, 'deep.go'), deep.go);
      fs.writeFileSync(path.join(dir, 'deep.c'), deep.c);
      label = 'deepNesting';
    } else {
      const source = rng.pick(files);
      const mutation = rng.pick(names);
      const out = MUTATIONS[mutation](fs.readFileSync(source), rng, fs.readFileSync(rng.pick(files)));
      fs.writeFileSync(path.join(dir, path.basename(source)), out);
      // Keep the package's other files, so cross-file analysis runs on the damaged one.
      for (const sibling of fs.readdirSync(path.dirname(source))) {
        if (sibling !== path.basename(source) && /\.(go|c|h)$/.test(sibling)) fs.copyFileSync(path.join(path.dirname(source), sibling), path.join(dir, sibling));
      }
      label = `${mutation} of ${path.relative(REPO, source)}`;
    }
    for (const b of backends) {
      report.inputs++;
      const error = checkFolder(b, dir);
      if (error) report.failures.push({ name: `${label} (${b.name}, seed ${seed}, #${i})`, error, kept: keep(dir) });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(work, { recursive: true, force: true });
  return report;
}

/** Copies a failing input into the regression fixtures, named by its content hash. */
function keep(dir: string): string {
  const hash = createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  const dest = path.join(REGRESSIONS, hash.digest('hex').slice(0, 16));
  fs.mkdirSync(dest, { recursive: true });
  for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(dest, f));
  return path.relative(REPO, dest);
}
