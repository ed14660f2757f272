// A big workspace is parsed on worker threads during background indexing, with progress, and the
// diagnostics equal the single-threaded CLI's on the same files.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bigWorkspace } from '../harness/big-workspace';
import { LspClient, REPO } from '../harness/lsp-client';
import { runCli } from '../harness/run-cli';

it('a big workspace is parsed on worker threads, with the CLI\'s findings', { skip: os.availableParallelism() < 2 && 'one CPU: no worker threads' }, async () => {
  const dir = bigWorkspace(path.join(REPO, 'examples'));
  const cli = JSON.parse(runCli(['check', '--format', 'json', '--threads', '1', '.'], dir).stdout);
  assert.ok(cli.findings.length >= 5, 'the examples have findings');
  const expected = cli.findings.map((f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${f.line}:${f.column}: ${f.rule}`).sort();

  const client = await LspClient.forTest({ folders: [dir] }, dir);
  await client.indexed(60000);
  assert.ok(client.logs.some((l) => /parsed \d+ Go files of .* on \d+ threads/.test(l)), client.logs.join('\n'));
  assert.ok(client.progress.some((p) => p.value.message?.startsWith('parsing ')), 'progress names the parallel parse');
  const got: string[] = [];
  for (const [u, p] of client.published) {
    const file = path.relative(dir, fileURLToPath(u));
    for (const d of p.diagnostics) got.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code}`);
  }
  assert.deepEqual(got.sort(), expected);
});
