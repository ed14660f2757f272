// Writes package.json's `contributes` (settings and commands) from the rule metadata and the
// config defaults, the one source the hovers, docs and SARIF also read (docs/design.md).
//   node scripts/gen-manifest.mjs           rewrite package.json's "contributes"
//   node scripts/gen-manifest.mjs --check   exit 1 when it is stale (test/unit/manifest.test.ts)
// The TypeScript sources are bundled on the fly with esbuild, so no tsc run is needed first.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECTION = 'g0guard';

/** `{ ALL_RULE_META, DEFAULT_CONFIG }` straight from server/src (bundled to CommonJS, then required). */
export async function loadEngineMetadata() {
  const out = await build({
    stdin: {
      contents: "export { ALL_RULE_META } from './server/src/rules/registry';\nexport { DEFAULT_CONFIG } from './server/src/config/config';\n",
      resolveDir: root, loader: 'ts', sourcefile: 'metadata-entry.ts',
    },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'error',
    external: ['tree-sitter', 'tree-sitter-go', 'tree-sitter-c', 'tree-sitter-cpp', 'web-tree-sitter'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'g0guard-meta-'));
  try {
    const file = join(dir, 'metadata.cjs');
    writeFileSync(file, out.outputFiles[0].text);
    return createRequire(import.meta.url)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LEVELS = ['off', 'error', 'warning', 'information'];
const LEVEL_TEXT = {
  off: 'Do not run this rule.',
  error: 'Report its findings as errors.',
  warning: 'Report its findings as warnings.',
  information: 'Report its findings as information.',
};

/** The numeric, string and list settings: one entry per key of DEFAULT_CONFIG but `rules`. */
const SETTING_DOCS = {
  stackBudgetBytes: { minimum: 4096, text: 'The g0 (system stack) budget in bytes that Go↔C and C recursion is measured against. With cgo linked, g0 of the main thread is `RLIMIT_STACK` (`ulimit -s`, 8 MiB by default on Linux).' },
  largeFrameBytes: { minimum: 1, text: 'A C function whose locals (arrays, `alloca`, variable-length arrays) reach this many bytes is reported by `c-large-frame`.' },
  systemStackRoots: { items: 'string', text: 'Extra Go functions (as `importpath.Func`) to treat as running on the system stack (g0), besides the ones g0guard knows.' },
  goos: { pattern: '^[a-z0-9]+$', text: 'The `GOOS` that build constraints (`//go:build`, `_linux.go`) are evaluated for.' },
  goarch: { pattern: '^[a-z0-9]+$', text: 'The `GOARCH` that build constraints (`//go:build`, `_amd64.go`) are evaluated for.' },
  buildTags: { items: 'string', text: 'Extra build tags, as `go build -tags` takes them (for example `sqlite_json`); `cgo`, the GOOS/GOARCH and every `go1.N` always hold.' },
  exclude: { items: 'string', text: 'Paths to skip, relative to the workspace folder, with `*` (one path segment) and `**` (any depth); a folder excludes everything under it. `vendor/`, `testdata/` and dot-folders are always skipped.' },
  maxFileBytes: { minimum: 1, text: 'Files bigger than this many bytes are skipped (and the skip is reported in the g0guard output).' },
};

const COMMANDS = [
  { command: 'g0guard.rescan', title: 'Re-scan the Workspace', category: 'g0guard' },
  { command: 'g0guard.openRuleDocs', title: 'Open Rule Documentation', category: 'g0guard' },
  { command: 'g0guard.showEvidencePath', title: 'Show the Finding\'s Call Path', category: 'g0guard' },
];

const firstParagraph = (md) => md.split(/\n\s*\n/)[0].trim();

export function contributesFor(rules, defaults) {
  const properties = {};
  let order = 0;
  for (const rule of rules) {
    properties[`${SECTION}.rules.${rule.id}`] = {
      type: 'string',
      enum: LEVELS,
      enumDescriptions: LEVELS.map((l) => LEVEL_TEXT[l] + (l === rule.severity ? ' (The rule\'s default.)' : '')),
      default: rule.severity,
      description: rule.title,
      markdownDescription: `**${rule.title}** (\`${rule.id}\`)\n\n${firstParagraph(rule.doc)}\n\nLeft unset, the rule reports at its own severity (\`${rule.severity}\`) and \`.g0guard.json\` can set it. Run **g0guard: Open Rule Documentation** for the whole page.`,
      scope: 'resource',
      order: order++,
    };
  }
  const keys = Object.keys(defaults).filter((k) => k !== 'rules');
  const undocumented = keys.filter((k) => !SETTING_DOCS[k]);
  if (undocumented.length) throw new Error(`gen-manifest: describe the config keys ${undocumented.join(', ')} in SETTING_DOCS`);
  for (const key of keys) {
    const doc = SETTING_DOCS[key];
    const value = defaults[key];
    const p = Array.isArray(value) ? { type: 'array', items: { type: doc.items } }
      : typeof value === 'number' ? { type: 'number', minimum: doc.minimum }
      : { type: 'string', pattern: doc.pattern };
    properties[`${SECTION}.${key}`] = {
      ...p, default: value, markdownDescription: `${doc.text} Left unset, \`.g0guard.json\` or the default applies.`,
      scope: 'resource', order: order++,
    };
  }
  properties[`${SECTION}.trace.server`] = {
    type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', order: order++,
    description: 'Traces the JSON-RPC messages between VS Code and the g0guard server into the g0guard output.',
  };
  return { configuration: { title: 'g0guard', properties }, commands: COMMANDS };
}

export async function expectedContributes() {
  const { ALL_RULE_META, DEFAULT_CONFIG } = await loadEngineMetadata();
  return contributesFor(ALL_RULE_META, DEFAULT_CONFIG);
}

async function main() {
  const check = process.argv.includes('--check');
  const want = await expectedContributes();
  const file = join(root, 'package.json');
  // read as late as possible: others edit package.json too
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  const same = JSON.stringify(pkg.contributes) === JSON.stringify(want);
  if (check) {
    if (!same) {
      console.error('package.json "contributes" is stale: run node scripts/gen-manifest.mjs');
      process.exit(1);
    }
    console.log('package.json "contributes" is up to date');
    return;
  }
  if (same) { console.log('package.json "contributes" already up to date'); return; }
  pkg.contributes = want;
  writeFileSync(file, JSON.stringify(pkg, null, 2) + (text.endsWith('\n') ? '\n' : ''));
  console.log(`package.json "contributes": ${Object.keys(want.configuration.properties).length} settings, ${want.commands.length} commands`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
