// Configuration: defaults, `.g0guard.json` (found in the checked folder or above), and validation
// that names the offending key and falls back to the default instead of failing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '../findings/finding';

export type RuleSetting = Severity | 'off';

export interface Config {
  rules: Record<string, RuleSetting>;
  stackBudgetBytes: number;
  largeFrameBytes: number;
  systemStackRoots: string[];
  goos: string;
  goarch: string;
  /** Extra build tags, as `go build -tags` takes them. */
  buildTags: string[];
  exclude: string[];
  maxFileBytes: number;
}

export const DEFAULT_CONFIG: Config = {
  rules: {}, stackBudgetBytes: 8 * 1024 * 1024, largeFrameBytes: 65536, systemStackRoots: [],
  goos: 'linux', goarch: 'amd64', buildTags: [], exclude: [], maxFileBytes: 10 * 1024 * 1024,
};

export const CONFIG_FILE = '.g0guard.json';
const SETTINGS: RuleSetting[] = ['off', 'error', 'warning', 'information'];

/** Merges raw settings into `base`; every problem names its key and the default stays. */
export function mergeConfig(base: Config, raw: unknown, knownRules: Set<string>, where: string): { config: Config; problems: string[] } {
  const config: Config = { ...base, rules: { ...base.rules }, systemStackRoots: [...base.systemStackRoots], buildTags: [...base.buildTags], exclude: [...base.exclude] };
  const problems: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: [`${where}: expected a JSON object`] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const bad = (want: string) => problems.push(`${where}: "${key}" must be ${want}; using the default`);
    switch (key) {
      case 'rules':
        if (!value || typeof value !== 'object' || Array.isArray(value)) { bad('an object of rule ids'); break; }
        for (const [id, s] of Object.entries(value as Record<string, unknown>)) {
          if (!knownRules.has(id)) problems.push(`${where}: "rules.${id}" is not a g0guard rule`);
          else if (!SETTINGS.includes(s as RuleSetting)) problems.push(`${where}: "rules.${id}" must be one of ${SETTINGS.join(', ')}`);
          else config.rules[id] = s as RuleSetting;
        }
        break;
      case 'stackBudgetBytes': case 'largeFrameBytes': case 'maxFileBytes':
        if (typeof value === 'number' && Number.isFinite(value) && value > 0) config[key] = value; else bad('a positive number');
        break;
      case 'systemStackRoots': case 'exclude': case 'buildTags':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config[key] = value as string[]; else bad('an array of strings');
        break;
      case 'goos': case 'goarch':
        if (typeof value === 'string' && /^[a-z0-9]+$/.test(value)) config[key] = value; else bad('a GOOS/GOARCH name');
        break;
      case '$schema':
        break;
      default:
        problems.push(`${where}: unknown key "${key}"`);
    }
  }
  return { config, problems };
}

/** The nearest `.g0guard.json` at or above `dir`. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, CONFIG_FILE);
    if (fs.existsSync(file)) return file;
    if (path.dirname(d) === d) return undefined;
  }
}

/** A config file that cannot be used at all: unreadable, or not JSON (its text, and the offset of the error when JSON.parse gives it). */
export interface ConfigFailure { message: string; text?: string; offset?: number }

export function loadConfigFile(file: string, knownRules: Set<string>, base: Config = DEFAULT_CONFIG): { config: Config; problems: string[]; failure?: ConfigFailure } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const message = `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    return { config: base, problems: [`${message}; using the defaults`], failure: { message } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = `${file}: not valid JSON (${(e as Error).message})`;
    const at = /at position (\d+)/.exec((e as Error).message);
    return { config: base, problems: [`${message}; using the defaults`], failure: { message, text, offset: at ? Number(at[1]) : undefined } };
  }
  return mergeConfig(base, raw, knownRules, file);
}
