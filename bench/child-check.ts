// A check in a fresh process, so its peak memory is its own and every check starts alike (cold).
import { execFileSync } from 'node:child_process';

export interface ChildRun {
  ms: number; maxRssKiB: number; findings: number; functions: number; unresolved: number;
  /** V8's young generation (both semi-spaces) when the check ended. */
  youngGenerationBytes: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Checks `dir` on `threads` threads with the default config plus `config`; times the check alone, not start-up. */
export function checkInChild(backend: 'native' | 'wasm', dir: string, threads: number, config: Record<string, unknown> = {}): ChildRun {
  const analyzeModule = require.resolve('../server/src/findings/analyze');
  const configModule = require.resolve('../server/src/config/config');
  const createModule = require.resolve('../server/src/parse/create-backend');
  const script = `(async () => {
    const { analyzeParallel } = require(${JSON.stringify(analyzeModule)});
    const { DEFAULT_CONFIG } = require(${JSON.stringify(configModule)});
    const backend = await require(${JSON.stringify(createModule)}).createBackend(${JSON.stringify(backend)});
    const t0 = performance.now();
    const r = await analyzeParallel({ backend, backendName: ${JSON.stringify(backend)}, threads: ${threads}, config: { ...DEFAULT_CONFIG, ...${JSON.stringify(config)} }, paths: [${JSON.stringify(dir)}] });
    const ms = performance.now() - t0;
    // VmHWM, not getrusage: ru_maxrss survives exec and would report the parent's peak.
    const hwm = Number(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);
    const young = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    console.log(JSON.stringify({ ms, maxRssKiB: hwm, findings: r.findings.length, functions: r.stats.functions, unresolved: r.stats.unresolvedCalls, youngGenerationBytes: young }));
  })()`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}
