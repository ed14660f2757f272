// Configuration for one workspace root: the defaults, then `.g0guard.json` (what CI runs with), then
// the editor's `g0guard` settings from workspace/configuration, which the VS Code client sends only
// where the user set them, so the project file fills everything the user left alone.
import * as path from 'node:path';
import { DEFAULT_CONFIG, findConfigFile, loadConfigFile, mergeConfig, type Config, type ConfigFailure } from '../config/config';
import { RULE_IDS } from '../rules/registry';

export const SECTION = 'g0guard';

/** Keys that configure the client, not the analysis. */
const CLIENT_ONLY = new Set(['trace']);

export interface ResolvedConfig {
  config: Config;
  problems: string[];
  /** The `.g0guard.json` that applied, if any (its problems are shown on it). */
  configFile?: string;
  /** The file could not be used at all (not JSON): an error on it, the defaults in effect. */
  failure?: ConfigFailure;
}

export function resolveConfig(rootDir: string, editorSettings: unknown): ResolvedConfig {
  const problems: string[] = [];
  const configFile = findConfigFile(rootDir);
  let config = DEFAULT_CONFIG;
  let failure: ConfigFailure | undefined;
  if (configFile) {
    const loaded = loadConfigFile(configFile, RULE_IDS);
    config = loaded.config;
    failure = loaded.failure;
    if (!failure) problems.push(...loaded.problems);
  }
  const raw = cleanSettings(editorSettings);
  if (raw) {
    const merged = mergeConfig(config, raw, RULE_IDS, 'settings "g0guard"');
    config = merged.config;
    problems.push(...merged.problems);
  }
  return { config, problems, configFile, failure };
}

/** Drops unset values and client-only keys; a non-object means "no editor settings". */
function cleanSettings(raw: unknown): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (v === null || v === undefined || CLIENT_ONLY.has(k)) continue;
    if (k === 'rules' && v && typeof v === 'object' && !Array.isArray(v)) {
      const rules = Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, s]) => s !== null && s !== undefined));
      if (Object.keys(rules).length) out.rules = rules;
      continue;
    }
    out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Whether a changed file is a configuration file the analysis reads. */
export function isConfigFile(file: string): boolean {
  return path.basename(file) === '.g0guard.json';
}

/** Settings fields whose change means the packages must be loaded again (not just re-checked). */
export function loadingChanged(a: Config, b: Config): boolean {
  // Build constraints (goos, goarch, tags), exclusions and the size limit decide which files load.
  const loading = (c: Config) => JSON.stringify([c.goos, c.goarch, c.buildTags, c.exclude, c.maxFileBytes]);
  return loading(a) !== loading(b);
}
