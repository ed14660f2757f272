// The editor never contradicts itself: while a big workspace (re)indexes and files are opened at
// random moments, every published g0guard diagnostic of an open document has a hover and a quick
// fix at every position of its range, and no file's list goes empty before its findings come back.
// Seeded: G0GUARD_CONSISTENCY_SEED replays a run, G0GUARD_CONSISTENCY_RUNS sets how many.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { bigWorkspace } from '../harness/big-workspace';
import { LspClient, REPO } from '../harness/lsp-client';
import { Rng } from '../harness/rng';

const RUNS = Number(process.env.G0GUARD_CONSISTENCY_RUNS ?? 200);
const SEED = Number(process.env.G0GUARD_CONSISTENCY_SEED ?? 20261206);
/** Fresh servers (first indexing), on the two parsers in turn; the other runs re-index a warm one with its files closed and opened again. */
const FRESH = Math.max(1, Math.round(RUNS / 20));

const OPENED = ['tree-walk/walk.go', 'tree-walk/tree.c', 'json-bridge/bridge.go', 'trace-hook/hook.go', 'image-filter/filter.go'];

interface Problem { run: string; what: string }

it(`${RUNS} runs (both parsers) of opening files while the workspace indexes: every diagnostic has its hover and fix, no empty-then-full flicker`, { timeout: 20 * 60_000 }, async (t) => {
  const dir = bigWorkspace(path.join(REPO, 'examples'));
  const rng = new Rng(SEED);
  const problems: Problem[] = [];
  let checkedDiagnostics = 0, checkedPositions = 0;
  const perServer = Math.ceil(RUNS / FRESH);
  for (let s = 0, run = 0; s < FRESH && run < RUNS; s++) {
    const backend = s % 2 ? 'native' : 'wasm';
    const client = await LspClient.start({ folders: [dir], env: { G0GUARD_BACKEND: backend } });
    try {
      for (let k = 0; k < perServer && run < RUNS; k++, run++) {
        const counts = await oneRun(client, dir, rng, `${run} (${backend})`, k === 0, problems);
        checkedDiagnostics += counts.diagnostics;
        checkedPositions += counts.positions;
      }
    } finally {
      await client.stop();
    }
  }
  t.diagnostic(`${checkedDiagnostics} diagnostics asked about at ${checkedPositions} positions, ${problems.length} problems`);
  assert.ok(checkedDiagnostics >= RUNS * 3, `too few diagnostics checked (${checkedDiagnostics})`);
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems over ${RUNS} runs (seed ${SEED}), ${checkedDiagnostics} diagnostics, ${checkedPositions} positions`);
});

/** One run: (re)index, open the files at random moments, question every diagnostic as it arrives. */
async function oneRun(client: LspClient, dir: string, rng: Rng, run: string, fresh: boolean, problems: Problem[]): Promise<{ diagnostics: number; positions: number }> {
  const files = OPENED.map((f) => path.join(dir, f));
  const seen = new Map<string, Diagnostic[][]>(); // uri → lists published this run, in order
  const questions: Promise<void>[] = [];
  let diagnostics = 0, positions = 0;
  // What an open document shows: ask about each diagnostic at once, as a user moving the mouse would.
  const questionShown = (p: PublishDiagnosticsParams) => {
    const file = fileURLToPath(p.uri);
    if (client.version(file) === undefined || (p.version !== undefined && p.version !== client.version(file))) return;
    for (const d of p.diagnostics) {
      if (d.source !== 'g0guard' || typeof d.code !== 'string' || d.code === 'internal-error') continue;
      diagnostics++;
      questions.push(question(client, p.uri, d).then((n) => { positions += n.positions; for (const w of n.wrong) problems.push({ run, what: `${path.relative(dir, file)} ${d.code} ${JSON.stringify(d.range.start)}: ${w}` }); }));
    }
  };
  const onPublish = (p: PublishDiagnosticsParams) => {
    const lists = seen.get(p.uri) ?? [];
    lists.push(p.diagnostics);
    seen.set(p.uri, lists);
    questionShown(p);
  };
  client.onPublish.add(onPublish);
  const before = client.progress.filter((p) => p.value.kind === 'end').length;
  if (!fresh) void client.request('workspace/executeCommand', { command: 'g0guard.rescan', arguments: [] });
  const order = [...files].sort(() => rng.next() - 0.5);
  for (const f of order) {
    await delay(rng.int(fresh ? 120 : 40));
    const u = await client.open(f);
    const shown = client.published.get(u);
    if (shown) questionShown(shown); // kept from before it was opened (or from the last run)
  }
  await client.waitFor('indexing done', () => (client.progress.filter((p) => p.value.kind === 'end').length > before ? true : undefined), 120_000);
  await Promise.all(files.map((f) => client.diagnostics(f)));
  await Promise.all(questions);
  for (const [u, lists] of seen) {
    const firstFull = lists.findIndex((l) => l.length > 0);
    const emptyBefore = lists.slice(0, Math.max(0, firstFull)).some((l) => l.length === 0) || lists.slice(firstFull).some((l) => l.length === 0);
    if (firstFull >= 0 && emptyBefore) problems.push({ run, what: `${path.relative(dir, fileURLToPath(u))}: flicker ${lists.map((l) => l.length).join(' → ')}` });
  }
  client.onPublish.delete(onPublish);
  for (const f of files) await client.close(f);
  return { diagnostics, positions };
}

/** Hover at every position of the diagnostic's range, and its quick fixes. */
async function question(client: LspClient, u: string, d: Diagnostic): Promise<{ wrong: string[]; positions: number }> {
  const wrong: string[] = [];
  const at: { line: number; character: number }[] = [];
  if (d.range.start.line === d.range.end.line) for (let c = d.range.start.character; c <= d.range.end.character; c++) at.push({ line: d.range.start.line, character: c });
  else at.push(d.range.start, d.range.end);
  const hovers = await Promise.all(at.map((position) => client.request('textDocument/hover', { textDocument: { uri: u }, position })));
  hovers.forEach((h, i) => {
    const text = h ? JSON.stringify(h.contents) : '';
    if (!text.includes(`g0guard \`${d.code}\``)) wrong.push(`hover at ${at[i].line}:${at[i].character} ${h ? 'without the rule' : 'null'}`);
  });
  const actions = await client.request<{ kind?: string }[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  if (!actions.some((a) => a.kind === 'quickfix')) wrong.push('no quick fix');
  return { wrong, positions: at.length };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

