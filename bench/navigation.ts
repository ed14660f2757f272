// Editor navigation latency (`npm run bench:nav -- [TREE]`): indexes a tree with the real server
// (wasm unless G0GUARD_BACKEND=native; by default the generated 5,000-line cgo package of
// lsp-latency.ts), then asks definition and references at every `C.name` of its cgo Go files (at
// most 300 sites), and full semantic tokens of its biggest cgo file 100 times. Prints p50/p95/p99.
// Goals: definition and references under 10 ms p95; semantic tokens of a 5,000-line file under 20 ms p95.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, uri } from '../test/harness/lsp-client';
import { generate } from './lsp-latency';

const MAX_SITES = 300;
const TOKEN_RUNS = 100;

function cgoFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'testdata' && !e.name.startsWith('.')) cgoFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.go') && !e.name.endsWith('_test.go') && /^import "C"$/m.test(fs.readFileSync(p, 'utf8'))) out.push(p);
  }
  return out;
}

function percentiles(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)].toFixed(1).padStart(6);
  return `n=${String(s.length).padStart(4)}  p50 ${at(50)} ms  p95 ${at(95)} ms  p99 ${at(99)} ms`;
}

async function main(): Promise<void> {
  const given = process.argv[2];
  const dir = given ? path.resolve(given) : fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-bench-nav-')));
  if (!given) generate(dir);
  const files = cgoFiles(dir);
  const sites = files.flatMap((file) => {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((l, line) => [...l.matchAll(/(?<![\w.])C\.(\w+)/g)].map((m) => ({ file, line, character: m.index! + 3 })));
  }).filter((_, i, all) => i % Math.max(1, Math.ceil(all.length / MAX_SITES)) === 0);
  const t0 = performance.now();
  const client = await LspClient.start({ folders: [dir] });
  try {
    await client.indexed(600000);
    console.log(`tree: ${dir}: ${files.length} cgo Go files, ${sites.length} C.name sites asked; indexed in ${(performance.now() - t0).toFixed(0)} ms (backend ${process.env.G0GUARD_BACKEND ?? 'wasm'})`);
    for (const file of files) await client.open(file);
    const definition: number[] = [], references: number[] = [];
    let found = 0;
    for (const s of sites) {
      const params = { textDocument: { uri: uri(s.file) }, position: { line: s.line, character: s.character } };
      let t = performance.now();
      const defs = await client.request('textDocument/definition', params) as unknown[] | null;
      definition.push(performance.now() - t);
      if (defs?.length) found++;
      t = performance.now();
      await client.request('textDocument/references', { ...params, context: { includeDeclaration: true } });
      references.push(performance.now() - t);
    }
    // The biggest file that has tokens (a file no build for this target includes has none).
    let biggest: { f: string; n: number } | undefined;
    for (const c of files.map((f) => ({ f, n: fs.readFileSync(f, 'utf8').split('\n').length })).sort((a, b) => b.n - a.n)) {
      const got = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(c.f) } }) as { data: number[] };
      if (got.data.length) { biggest = c; break; }
    }
    const tokens: number[] = [];
    for (let i = 0; biggest && i < TOKEN_RUNS; i++) {
      const t = performance.now();
      await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(biggest.f) } });
      tokens.push(performance.now() - t);
    }
    if (definition.length) {
      console.log(`definition        ${percentiles(definition)}  (${found} of ${sites.length} sites found a declaration in the workspace; the rest name system headers' C, never read)`);
      console.log(`references        ${percentiles(references)}`);
    }
    if (biggest) console.log(`semantic tokens   ${percentiles(tokens)}  (${path.relative(dir, biggest.f)}, ${biggest.n} lines)`);
  } finally {
    await client.stop();
    if (!given) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
