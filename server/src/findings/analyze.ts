// The engine entry point the CLI and the language server call: discover → load packages (facts
// cached per file text) → call graph → rules → suppressions. A rule that throws becomes an
// internal-error finding and the others still run.
import * as path from 'node:path';
import type { Config } from '../config/config';
import type { SiteCounts, WorkspaceIndex } from '../graph/callgraph';
import { discover, type DiscoverResult } from '../model/discover';
import { defaultReadFile, loadFolder, type FactCache, type LoadOptions, type Package } from '../model/package';
import type { BackendName, ParserBackend } from '../parse/backend';
import { RULES, RULE_IDS } from '../rules/registry';
import { compareFindings, findingKey, type Finding } from './finding';
import { namedPathsFilter } from './named-paths';
import { prefetchFacts } from './prefetch-facts';
import { isSeedPackage, scopeAndBuild, type Scoped } from './scope';
import { applySuppressions } from './suppress';
import { unmatchedConfigNames } from './config-names';

export interface AnalyzeOptions {
  backend: ParserBackend;
  config: Config;
  /** Folders (walked like ./...) or files (their package is read, the findings in or through them reported). */
  paths: string[];
  /** Bounds #include following and module lookup; defaults to the first path's folder. */
  workspaceRoot?: string;
  readFile?: (file: string) => string;
  cache?: FactCache;
  outlineCache?: FactCache;
}

export interface AnalysisStats {
  packages: number; goFiles: number; cFiles: number; functions: number;
  edges: Record<string, number>; unresolvedCalls: number; externalCalls: number;
  /** Calls through function pointers resolved by the values flowing into them (or by signature). */
  pointerCallsResolved: number;
  /** Call sites per kind: resolved, unresolved (counted, never guessed), assumed. */
  callSites: SiteCounts;
  /** C/C++ units cgo compiles, and #if conditions on macros that may come from unread headers. */
  cUnits: number; unknownConditions: number;
  findings: number;
}

export interface AnalysisResult {
  findings: Finding[]; problems: string[]; stats: AnalysisStats; packages: Package[]; index: WorkspaceIndex;
  /** Configuration values that name nothing (config-names.ts): for stderr, the report and the editor. */
  configProblems?: string[];
}

export function analyze(opts: AnalyzeOptions): AnalysisResult {
  const root = rootOf(opts);
  return analyzeFound(discover(opts.paths, excludeMatcher(opts.config.exclude, root)), opts, root, []);
}

/** Below this many Go files, starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 300;

/**
 * analyze() with the files parsed on worker threads and this one (prefetch-facts.ts); the scope
 * fixpoint's few extra bodies and the graph stay here. Same findings in the same order as analyze().
 */
export async function analyzeParallel(opts: AnalyzeOptions & { backendName: BackendName; threads: number; minFiles?: number; progress?: (done: number, total: number) => void }): Promise<AnalysisResult> {
  const root = rootOf(opts);
  const found = discover(opts.paths, excludeMatcher(opts.config.exclude, root));
  const files = found.folders.reduce((n, f) => n + f.goFiles.length, 0);
  if (opts.threads < 2 || files < (opts.minFiles ?? PARALLEL_MIN_FILES) || opts.readFile) return analyzeFound(found, opts, root, []);
  const cache: FactCache = opts.cache ?? new Map(), outlineCache: FactCache = opts.outlineCache ?? new Map();
  const problems: string[] = [];
  const withCaches = { ...opts, cache, outlineCache };
  await prefetchFacts(found.folders, {
    backend: opts.backendName, config: opts.config, root, workers: opts.threads - 1, progress: opts.progress,
    cache, outlineCache, local: loadOptionsFor(withCaches, root, []),
  }).catch((e) => problems.push(`the parallel scan failed (${(e as Error).message}); the rest is read on one thread`));
  return analyzeFound(found, { ...withCaches, readFile: (file) => (cache.get(file) ?? outlineCache.get(file))?.text ?? defaultReadFile(file) }, root, problems);
}

function rootOf(opts: AnalyzeOptions): string {
  return opts.workspaceRoot ?? path.resolve(opts.paths[0] ?? '.');
}

/** Loads the discovered folders (facts from the caches where they hold the text) and checks them. */
function analyzeFound(found: DiscoverResult, opts: AnalyzeOptions, root: string, problems: string[]): AnalysisResult {
  problems.push(...found.problems);
  const loadOptions = loadOptionsFor(opts, root, problems);
  const packages = found.folders.flatMap((folder) => loadFolder(folder, loadOptions));
  const checked = analyzePackages(scopeAndBuild(packages, opts.config, loadOptions), opts.config, problems);
  const configProblems = unmatchedConfigNames(opts.config, packages, found.folders.flatMap((f) => f.goFiles), loadOptions.readFile);
  const result = { ...checked, configProblems };
  const named = namedPathsFilter(opts.paths);
  if (!named) return result;
  const findings = result.findings.filter(named);
  return { ...result, findings, stats: { ...result.stats, findings: findings.length } };
}

export function loadOptionsFor(opts: AnalyzeOptions, root: string, problems: string[]): LoadOptions {
  return {
    backend: opts.backend, target: { goos: opts.config.goos, goarch: opts.config.goarch, tags: opts.config.buildTags }, readFile: opts.readFile ?? defaultReadFile,
    maxFileBytes: opts.config.maxFileBytes, workspaceRoot: root, problem: (m) => problems.push(m), cache: opts.cache, outlineCache: opts.outlineCache,
    fullPackage: isSeedPackage,
  };
}

/** Runs the rules over the packages scopeAndBuild() read, and its graph. */
export function analyzePackages({ packages, index }: Scoped, config: Config, problems: string[]): AnalysisResult {
  const raw: Finding[] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    try {
      rule.run({
        index, config,
        report: (f) => raw.push({ severity: setting ?? rule.severity, related: [], fixes: [], ...f }),
      });
    } catch (e) {
      problems.push(`internal error in rule ${rule.id}: ${(e as Error).stack ?? e}`);
    }
  }
  const unique = new Map<string, Finding>();
  for (const f of raw) if (!unique.has(findingKey(f))) unique.set(findingKey(f), f);
  const findings = applySuppressions([...unique.values()], packages, RULE_IDS)
    .filter((f) => config.rules[f.rule] !== 'off')
    .sort(compareFindings);
  const g = index.graph;
  return {
    findings, problems, packages, index,
    stats: {
      packages: packages.length,
      goFiles: packages.reduce((n, p) => n + p.goFiles.length, 0),
      cFiles: packages.reduce((n, p) => n + p.cFiles.length, 0),
      functions: g.nodes.length, edges: { ...g.stats.edges }, unresolvedCalls: g.stats.unresolved, externalCalls: g.stats.external,
      pointerCallsResolved: g.stats.pointerResolved, callSites: g.stats.sites,
      cUnits: packages.reduce((n, p) => n + p.cUnits.length, 0), unknownConditions: packages.reduce((n, p) => n + p.unknownConditions, 0),
      findings: findings.length,
    },
  };
}

/** `exclude` entries are globs relative to the root (`*` within a segment, `**` across). */
export function excludeMatcher(patterns: string[], root: string): (p: string) => boolean {
  if (patterns.length === 0) return () => false;
  const regexes = patterns.map((p) => new RegExp('^' + p.split('**').map((part) => part.split('*').map(escape).join('[^/]*')).join('.*') + '(/.*)?$'));
  return (p) => {
    const rel = path.relative(root, p).split(path.sep).join('/');
    return regexes.some((r) => r.test(rel));
  };
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
