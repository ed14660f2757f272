// g0guard's command line: `check` for CI (text, JSON, SARIF; exit 0 clean, 1 findings, 2 usage or
// internal error) and `lsp` to start the language server. Calls the one engine entry point.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, findConfigFile, loadConfigFile } from '../config/config';
import { version } from '../config/version';
import { analyzeParallel } from '../findings/analyze';
import { folderForFile } from '../model/discover';
import type { BackendName } from '../parse/backend';
import { createBackend } from '../parse/create-backend';
import { RULE_IDS } from '../rules/registry';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { toReport } from './report';

const USAGE = `usage:
  g0guard check [--format text|json|sarif] [--config FILE] [--backend wasm|native] [--tags a,b] [--threads N] [paths...]
  g0guard lsp (--stdio | --node-ipc)

check walks folders like ./... (vendor/, testdata/ and dot-folders skipped); a named file is
checked with its module and only the findings in or through it are reported.
Exit status: 0 no findings, 1 findings, 2 usage or internal error.`;


export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await check(rest);
    if (command === 'lsp') {
      // Loaded on demand: `check` must not pay for the LSP libraries.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('../lsp/server').startLanguageServer(rest);
      return await new Promise<number>(() => { /* runs until the client exits it */ });
    }
    if (command === '--version' || command === 'version') { process.stdout.write(version() + '\n'); return 0; }
    process.stderr.write(USAGE + '\n');
    return command === '--help' || command === 'help' ? 0 : 2;
  } catch (e) {
    process.stderr.write(`g0guard: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

interface CheckArgs { format: 'text' | 'json' | 'sarif'; config?: string; backend: BackendName; threads: number; tags?: string[]; paths: string[] }

function parseCheckArgs(args: string[]): CheckArgs | string {
  // wasm by default: on Go's own src it checks faster than the native addon with a fifth of the memory,
  // and it is what the editor runs, so the CLI and the editor agree by construction.
  const out: CheckArgs = { format: 'text', backend: 'wasm', threads: os.availableParallelism(), paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format must be text, json or sarif (got ${v ?? 'nothing'})`;
      out.format = v;
    } else if (a === '--config' || a.startsWith('--config=')) {
      const v = value();
      if (!v) return '--config needs a file';
      out.config = v;
    } else if (a === '--backend' || a.startsWith('--backend=')) {
      const v = value();
      if (v !== 'native' && v !== 'wasm') return `--backend must be native or wasm (got ${v ?? 'nothing'})`;
      out.backend = v;
    } else if (a === '--tags' || a.startsWith('--tags=')) {
      out.tags = (value() ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    } else if (a === '--threads' || a.startsWith('--threads=')) {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) return '--threads must be a whole number of at least 1';
      out.threads = v;
    } else if (a.startsWith('-')) return `unknown flag ${a}`;
    else out.paths.push(a.endsWith('/...') ? a.slice(0, -4) || '.' : a);
  }
  if (out.paths.length === 0) out.paths.push('.');
  return out;
}

async function check(argv: string[]): Promise<number> {
  const args = parseCheckArgs(argv);
  if (typeof args === 'string') { process.stderr.write(`g0guard: ${args}\n${USAGE}\n`); return 2; }
  for (const p of args.paths) {
    if (!fs.existsSync(p)) { process.stderr.write(`g0guard: ${p}: no such file or folder\n`); return 2; }
  }
  const first = path.resolve(args.paths[0]);
  const firstIsDir = fs.statSync(first).isDirectory();
  const configFile = args.config ?? findConfigFile(firstIsDir ? first : path.dirname(first));
  const root = firstIsDir ? first : folderForFile(first);
  if (args.config && !fs.existsSync(args.config)) { process.stderr.write(`g0guard: --config ${args.config}: no such file\n`); return 2; }
  const { config: loaded, problems: configProblems, failure } = configFile ? loadConfigFile(configFile, RULE_IDS) : { config: DEFAULT_CONFIG, problems: [], failure: undefined };
  // A config named on the command line must be usable: a CI job must not pass on the defaults.
  if (args.config && failure) { process.stderr.write(`g0guard: --config ${failure.message}\n`); return 2; }
  const config = { ...loaded, buildTags: args.tags ?? loaded.buildTags };
  for (const p of configProblems) process.stderr.write(`g0guard: ${p}\n`);

  const backend = await createBackend(args.backend);
  const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rg0guard: ${done}/${total} folders${done === total ? '\n' : ''}`) : undefined;
  const result = await analyzeParallel({ backend, backendName: args.backend, threads: args.threads, progress, config, paths: args.paths, workspaceRoot: root });
  for (const p of result.problems) process.stderr.write(`g0guard: ${p}\n`);
  const unmatched = (result.configProblems ?? []).map((p) => `${configFile ? path.relative(process.cwd(), configFile) || configFile : 'configuration'}: ${p}`);
  for (const p of unmatched) process.stderr.write(`g0guard: ${p}\n`);
  const report = toReport(result.findings, process.cwd());
  const out = args.format === 'json' ? formatJson(report, { ...result.stats, problems: result.problems.length }, unmatched)
    : args.format === 'sarif' ? formatSarif(report, version(), unmatched)
    : formatText(report);
  await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
  if (result.problems.some((p) => p.startsWith('internal error'))) return 2;
  return result.findings.length > 0 ? 1 : 0;
}
