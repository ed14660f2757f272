// Bundles the VS Code extension into dist/ with esbuild: dist/extension.js (the client),
// dist/server.js (`g0guard lsp` on the wasm tree-sitter backend, no native module),
// dist/fact-worker.js (its indexing worker thread), and the files
// the server reads at run time in the layout server/src/parse/resources.ts expects under dist/:
//   dist/grammars/{manifest.json,*.wasm}  dist/server/queries/{go,c,cpp}/*.scm  dist/tree-sitter.wasm
//   dist/docs/rules/<id>.md (copied from docs/rules/; what g0guard.openRuleDocs opens)
// and what the .vsix shows a user: dist/README.md (client/README.md with its links moved into the
// package), dist/icon.png, dist/THIRD-PARTY-NOTICES.txt (the licenses of the code bundled).
//   node scripts/bundle.mjs [--minify] [--sourcemap]
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadEngineMetadata, root } from './gen-manifest.mjs';

const dist = join(root, 'dist');
const minify = process.argv.includes('--minify');
const sourcemap = process.argv.includes('--sourcemap');
const NATIVE = ['tree-sitter', 'tree-sitter-go', 'tree-sitter-c', 'tree-sitter-cpp'];
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', minify, sourcemap, logLevel: 'warning', legalComments: 'linked', metafile: true };

/** The extension has only the wasm backend: backend-native.ts becomes a stub that never loads the addon. */
const wasmOnly = {
  name: 'g0guard-wasm-only',
  setup(b) {
    b.onResolve({ filter: /[\\/]backend-native$/ }, (args) => ({ path: args.path, namespace: 'g0guard-wasm-only' }));
    b.onLoad({ filter: /.*/, namespace: 'g0guard-wasm-only' }, () => ({
      loader: 'ts',
      contents: `export function createNativeBackend(): never {
  throw new Error('g0guard: the extension bundle runs on the wasm backend only (no native tree-sitter addon)');
}`,
    }));
  },
};

function copyTree(from, to, keep) {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    if (e.isDirectory()) copyTree(src, join(to, e.name), keep);
    else if (keep(e.name)) { mkdirSync(to, { recursive: true }); cpSync(src, join(to, e.name)); }
  }
}

/** The npm package a bundled source file comes from (`node_modules/@scope/name/...`), or undefined. */
function packageOf(file) {
  const m = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  return m?.[1].replace(/\\/g, '/');
}

/** Each package's name, version, license and license text, for the code the .vsix carries. */
function thirdPartyNotices(packages) {
  const parts = [...packages].sort().map((name) => {
    const dir = join(root, 'node_modules', name);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    if (!file) throw new Error(`bundle: ${name} ships no license file to include in THIRD-PARTY-NOTICES.txt`);
    return `${name} ${meta.version} (${meta.license})\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
  });
  return `g0guard bundles the following packages.\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

/**
 * client/README.md, the extension's page, has links relative to client/ so that they work in the
 * repository. VS Code shows the page from the installed package, so every local target is copied
 * into dist/ (where it is not already) and its link pointed there.
 */
function packagedReadme() {
  const source = join(root, 'client', 'README.md');
  return readFileSync(source, 'utf8').replace(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g, (link, target, anchor = '') => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return link;
    const file = resolve(dirname(source), target);
    const fromRoot = relative(root, file);
    if (!existsSync(file) || fromRoot.startsWith('..')) throw new Error(`bundle: client/README.md links to ${target}, which is not a file of the repository`);
    const inPackage = fromRoot.startsWith(`dist${sep}`) ? fromRoot : join('dist', fromRoot);
    if (!existsSync(join(root, inPackage))) { mkdirSync(dirname(join(root, inPackage)), { recursive: true }); cpSync(file, join(root, inPackage)); }
    return `](${inPackage.split(sep).join('/')}${anchor})`;
  });
}

async function main() {
  const t0 = Date.now();
  const lspEntry = join(root, 'server', 'src', 'lsp', 'server.ts');
  if (!existsSync(lspEntry)) throw new Error(`bundle: ${relative(root, lspEntry)} does not exist yet (the language server)`);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  const bundled = new Set();
  const note = (result) => Object.keys(result.metafile.inputs).map(packageOf).forEach((p) => p && bundled.add(p));
  note(await build({ ...common, entryPoints: [join(root, 'client', 'src', 'extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] }));
  note(await build({
    ...common,
    stdin: {
      // what `g0guard lsp --node-ipc|--stdio` runs, without the CLI around it
      contents: "require('./server/src/lsp/server').startLanguageServer(process.argv.slice(2));\n",
      resolveDir: root, loader: 'ts', sourcefile: 'server-entry.ts',
    },
    outfile: join(dist, 'server.js'),
    external: NATIVE, // never reached (see wasmOnly); listed so a new import fails loudly below, not silently bundles a .node
    plugins: [wasmOnly],
  }));
  // the parallel scan's worker thread, which prefetch-facts.ts starts from beside itself
  note(await build({ ...common, entryPoints: [join(root, 'server', 'src', 'findings', 'fact-worker.ts')], outfile: join(dist, 'fact-worker.js'), external: NATIVE, plugins: [wasmOnly] }));
  for (const script of ['server.js', 'fact-worker.js']) {
    const code = readFileSync(join(dist, script), 'utf8');
    const native = NATIVE.filter((m) => code.includes(`require("${m}")`));
    if (native.length) throw new Error(`bundle: dist/${script} requires the native ${native.join(', ')}; the extension must stay on wasm`);
  }

  // run-time files, in the layout resources.ts looks for (dist/ holds grammars/manifest.json)
  const manifest = JSON.parse(readFileSync(join(root, 'grammars', 'manifest.json'), 'utf8'));
  mkdirSync(join(dist, 'grammars'));
  cpSync(join(root, 'grammars', 'manifest.json'), join(dist, 'grammars', 'manifest.json'));
  for (const g of manifest.grammars) { cpSync(join(root, 'grammars', g.file), join(dist, 'grammars', g.file)); bundled.add(g.package); }
  copyTree(join(root, 'server', 'queries'), join(dist, 'server', 'queries'), (n) => n.endsWith('.scm'));
  // web-tree-sitter looks for its runtime beside the script that holds it: __dirname of dist/server.js
  cpSync(join(root, 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
  bundled.add('web-tree-sitter');

  // the rule pages `npm run docs` generates from the rule metadata (test/unit/rule-docs.test.ts keeps them fresh)
  const { ALL_RULE_META } = await loadEngineMetadata();
  const missing = ALL_RULE_META.filter((r) => !existsSync(join(root, 'docs', 'rules', `${r.id}.md`))).map((r) => r.id);
  if (missing.length) throw new Error(`bundle: docs/rules/ has no page for ${missing.join(', ')} (npm run docs)`);
  copyTree(join(root, 'docs', 'rules'), join(dist, 'docs', 'rules'), (n) => n.endsWith('.md'));

  writeFileSync(join(dist, 'README.md'), packagedReadme());
  cpSync(join(root, 'client', 'media', 'icon.png'), join(dist, 'icon.png'));
  writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(bundled));

  const files = [];
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name))));
  walk(dist);
  const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
  console.log(`bundle: dist/extension.js ${kb(join(dist, 'extension.js'))}, dist/server.js ${kb(join(dist, 'server.js'))}, ${files.length} files in dist/ (${Date.now() - t0} ms)`);
}

main().catch((e) => { console.error(e.message ?? e); process.exit(1); });
