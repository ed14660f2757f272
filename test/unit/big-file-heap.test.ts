// Once a big Go file is met, V8's young generation is held at 16 MiB (util/big-file-heap.ts): by
// default it doubles to 32 MiB as the facts kept pile up, and all of it stays resident. Each check
// runs in a fresh process, as V8's flags and heap are the process's.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { generatedGo } from '../../bench/big-files';
import { checkInChild } from '../../bench/child-check';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-heap-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the heap while a big Go file is read', () => {
  const folder = path.join(dir, 'big');
  fs.mkdirSync(folder);
  // 3 MiB of non-cgo: over the 2 Mi characters that make a file big, and enough kept facts that
  // V8's defaults take the young generation to 32 MiB.
  fs.writeFileSync(path.join(folder, 'big.go'), generatedGo('go', 3 << 20));

  for (const backend of ['wasm', 'native'] as const) {
    it(`holds the young generation at 16 MiB (${backend})`, () => {
      const run = checkInChild(backend, folder, 1, { maxFileBytes: 64 << 20 });
      assert.ok(run.functions >= 10000, `the file was not read: ${run.functions} functions`);
      const young = run.youngGenerationBytes / (1 << 20);
      assert.ok(young <= 16, `the young generation ended at ${young} MiB`);
    });
  }
});
