// A bounded fuzz run inside npm test, and every input that ever failed replayed as a regression.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { checkFolder, fuzz, REGRESSIONS } from '../fuzz/fuzz-engine';

const backends: ParserBackend[] = [];
before(async () => { backends.push(await createBackend('native'), await createBackend('wasm')); });

test('fuzz smoke: 150 mutated inputs on both backends, no exception, time linear in size', () => {
  const report = fuzz(backends, 150, 20261123);
  assert.equal(report.inputs, 300);
  assert.deepEqual(report.failures, []);
});

test('every kept fuzz failure now passes', () => {
  const dirs = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).map((d) => path.join(REGRESSIONS, d)) : [];
  for (const dir of dirs) for (const b of backends) assert.equal(checkFolder(b, dir), null, `${dir} on ${b.name}`);
});
