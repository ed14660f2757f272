// Every fixture case on both backends: each finding has a want, each want a finding, safe cases
// are silent, and the two backends agree exactly.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { compareWithWants, listCases, runCase } from '../harness/fixtures';
import { caseWants } from '../harness/wants';

const backends: Record<string, ParserBackend> = {};
before(async () => {
  backends.native = await createBackend('native');
  backends.wasm = await createBackend('wasm');
});

describe('rule fixtures', () => {
  for (const c of listCases()) {
    it(`${c.rule}/${c.kind}/${c.name}`, () => {
      const native = runCase(backends.native, c.dir);
      const wasm = runCase(backends.wasm, c.dir);
      assert.deepEqual(wasm, native, 'the wasm and native backends disagree');
      const wants = caseWants(c.dir);
      if (c.kind === 'safe') assert.equal(wants.length, 0, 'safe cases carry no wants');
      else assert.ok(wants.some((w) => w.rule === c.rule), `a flagged case wants at least one ${c.rule} finding`);
      assert.deepEqual(compareWithWants(c.dir, native), []);
    });
  }
});
