// The parallel scan gives the same findings, in the same order, as the single-threaded one, and the
// CLI the same output.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { analyze, analyzeParallel } from '../../server/src/findings/analyze';
import type { Finding } from '../../server/src/findings/finding';
import { createBackend } from '../../server/src/parse/create-backend';
import { bigWorkspace } from '../harness/big-workspace';
import { FIXTURES } from '../harness/fixtures';
import { REPO } from '../harness/lsp-client';
import { runCli } from '../harness/run-cli';

const summary = (fs: Finding[]) => fs.map((f) => `${path.relative(FIXTURES, f.file.path)}:${f.span.start}: ${f.message} (${f.rule}) ${f.related.length}`);

test('every fixture at once: 3 worker threads equal one thread, byte for byte', async () => {
  const backend = await createBackend('wasm');
  const one = analyze({ backend, config: DEFAULT_CONFIG, paths: [FIXTURES] });
  let progressCalls = 0;
  const many = await analyzeParallel({
    backend, backendName: 'wasm', threads: 3, minFiles: 1, config: DEFAULT_CONFIG, paths: [FIXTURES],
    progress: () => { progressCalls++; },
  });
  assert.ok(one.findings.length > 100);
  assert.deepEqual(summary(many.findings), summary(one.findings));
  assert.deepEqual(many.stats, one.stats);
  assert.ok(progressCalls > 100, 'progress is reported per folder');
});

test('the CLI on a big workspace: the same output byte for byte with 1 and 3 threads, in every format', () => {
  const dir = bigWorkspace(path.join(REPO, 'examples'));
  for (const format of ['text', 'json', 'sarif']) {
    const one = runCli(['check', '--format', format, '--threads', '1', '.'], dir);
    const many = runCli(['check', '--format', format, '--threads', '3', '.'], dir);
    assert.equal(one.status, 1, one.stderr);
    assert.ok(one.stdout.length > 500);
    assert.equal(many.stdout, one.stdout, format);
    assert.equal(many.stderr, one.stderr, format);
  }
});
