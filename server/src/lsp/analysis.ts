// One check of a root: reload the folders an edit made stale (facts come from the cache when the
// text is unchanged), then the call graph and the rules per group of linked packages
// (components.ts), again only for groups that hold a reloaded package.
// Nothing the engine throws escapes: a file the extractor chokes on is skipped and named, a rule
// that throws is reported by analyzePackages, and a failing graph leaves an empty result.
import { analyzePackages, loadOptionsFor, type AnalysisResult } from '../findings/analyze';
import { compareFindings, type Finding } from '../findings/finding';
import { scopeAndBuild } from '../findings/scope';
import { unmatchedConfigNames } from '../findings/config-names';
import { buildCallGraph } from '../graph/build-graph';
import { loadFolder, type FactCache, type Package } from '../model/package';
import type { ParserBackend } from '../parse/backend';
import { packageComponents } from './components';
import type { InternalError, Root } from './workspace';

export interface AnalysisEnv {
  backend: ParserBackend;
  readFile: (file: string) => string;
  cache: FactCache;
  /** Outline facts (LoadOptions.outlineCache). */
  outlineCache: FactCache;
}

export interface RootCheck {
  /** Every finding of the root, in report order. */
  findings: Finding[];
  /** Loader notices (unreadable, too big, binary …). */
  problems: string[];
  /** Configuration values that name nothing (config-names.ts): warnings on the config file. */
  configProblems: string[];
  internalErrors: InternalError[];
  /** File → the result of the package group its findings came from (hovers and fixes answer from it). */
  fileResults: Map<string, AnalysisResult>;
  /** Folders reloaded for this check. */
  reloaded: string[];
  /** Package groups in the root, and how many of them were checked again (the rest kept their results). */
  components: number;
  checked: number;
  functions: number;
  ms: number;
}

const RULE_ERROR = /^internal error in rule ([\w-]+): ([\s\S]*)$/;

/** Loads one folder's packages; a file whose extraction throws is skipped and reported. */
export function loadDir(root: Root, dir: string, env: AnalysisEnv): void {
  const folder = root.folders.get(dir);
  if (!folder) { root.packages.delete(dir); return; }
  const errors: InternalError[] = [];
  const skip = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const problems: string[] = [];
    let lastRead: string | undefined;
    const readFile = (file: string) => {
      if (skip.has(file)) throw Object.assign(new Error('skipped after an internal error'), { code: 'G0GUARD_INTERNAL_ERROR' });
      lastRead = file;
      return env.readFile(file);
    };
    const opts = loadOptionsFor({ backend: env.backend, config: root.config, paths: [], readFile, cache: env.cache, outlineCache: env.outlineCache }, root.dir, problems);
    try {
      const packages = loadFolder(folder, opts);
      root.packages.set(dir, packages);
      root.folderProblems.set(dir, problems.filter((p) => !p.includes('G0GUARD_INTERNAL_ERROR')));
      root.folderErrors.set(dir, errors);
      root.noteReaders(dir, packages);
      return;
    } catch (e) {
      // The extractor threw right after reading the file it was on: skip that file and go again.
      if (!lastRead || skip.has(lastRead) || attempt > 20) {
        root.packages.set(dir, []);
        root.folderErrors.set(dir, [...errors, { message: `loading ${dir} failed`, detail: stackOf(e) }]);
        return;
      }
      skip.add(lastRead);
      errors.push({ file: lastRead, message: `g0guard could not read this file (internal error: ${(e as Error)?.message ?? e}); the rest of its package was checked without it`, detail: stackOf(e) });
    }
  }
}

export function checkRoot(root: Root, env: AnalysisEnv): RootCheck {
  const t0 = performance.now();
  const reloaded = [...root.dirty];
  root.dirty.clear();
  for (const dir of reloaded) loadDir(root, dir, env);
  const packages: Package[] = root.allPackages();
  const problems = [...root.folderProblems.values()].flat();
  const internalErrors = [...root.folderErrors.values()].flat();
  // One check per group of packages that can affect each other; unchanged groups keep their result.
  const previous = root.componentResults;
  root.componentResults = new Map();
  root.fileResults = new Map();
  const findings: Finding[] = [];
  let checked = 0;
  for (const component of packageComponents(packages)) {
    const key = component.map(packageId).sort((a, b) => a - b).join(',');
    let result = previous.get(key);
    if (!result) {
      checked++;
      result = checkPackages(component, root, env, internalErrors);
    }
    root.componentResults.set(key, result);
    for (const p of component) for (const f of [...p.goFiles, ...p.cFiles]) root.fileResults.set(f.path, result);
    for (const f of result.findings) if (!root.fileResults.has(f.file.path)) root.fileResults.set(f.file.path, result); // a header of another folder
    findings.push(...result.findings);
    for (const p of result.problems) {
      const m = RULE_ERROR.exec(p);
      if (m) internalErrors.push({ message: `rule ${m[1]} failed (internal error: ${m[2].split('\n')[0]}); the other rules still ran`, detail: m[2] });
    }
  }
  const functions = [...root.componentResults.values()].reduce((n, r) => n + r.stats.functions, 0);
  const configProblems = unmatchedConfigNames(root.config, packages, [...root.folders.values()].flatMap((f) => f.goFiles), env.readFile);
  return { findings: findings.sort(compareFindings), fileResults: root.fileResults, problems, configProblems, internalErrors, reloaded, components: root.componentResults.size, checked, functions, ms: performance.now() - t0 };
}

/** Graph and rules over one group of packages. */
function checkPackages(packages: Package[], root: Root, env: AnalysisEnv, internalErrors: InternalError[]): AnalysisResult {
  const problems: string[] = [];
  try {
    const opts = loadOptionsFor({ backend: env.backend, config: root.config, paths: [], readFile: env.readFile, cache: env.cache, outlineCache: env.outlineCache }, root.dir, problems);
    return analyzePackages(scopeAndBuild(packages, root.config, opts), root.config, problems);
  } catch (e) {
    internalErrors.push({ message: 'the call graph could not be built; no findings for these packages until the next edit', detail: stackOf(e) });
    return emptyResult(packages, problems);
  }
}

const ids = new WeakMap<Package, number>();
let nextId = 0;
function packageId(p: Package): number {
  let id = ids.get(p);
  if (id === undefined) ids.set(p, (id = ++nextId));
  return id;
}

function emptyResult(packages: Package[], problems: string[]): AnalysisResult {
  const index = buildCallGraph([]);
  return {
    findings: [], problems, packages, index,
    stats: { packages: packages.length, goFiles: 0, cFiles: 0, functions: 0, edges: { ...index.graph.stats.edges }, unresolvedCalls: 0, externalCalls: 0, pointerCallsResolved: 0, callSites: index.graph.stats.sites, cUnits: 0, unknownConditions: 0, findings: 0 },
  };
}

function stackOf(e: unknown): string {
  return (e as Error)?.stack ?? String(e);
}
