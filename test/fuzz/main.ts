// `npm run fuzz -- [--iterations N] [--seed S]`: the long fuzz run; prints a summary and exits 1
// on any failure (the failing inputs are kept as regression fixtures).
import { createBackend } from '../../server/src/parse/create-backend';
import { fuzz } from './fuzz-engine';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
  const iterations = arg('--iterations', 2000), seed = arg('--seed', Date.now() % 100000);
  const t0 = performance.now();
  const report = fuzz([await createBackend('native'), await createBackend('wasm')], iterations, seed);
  for (const f of report.failures) console.log(`FAIL ${f.name}\n  ${f.error.split('\n').slice(0, 4).join('\n  ')}\n  kept in ${f.kept}`);
  console.log(`seed ${seed}: ${report.inputs} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${report.inputs - report.failures.length} passed, ${report.failures.length} failed`);
  process.exit(report.failures.length ? 1 : 0);
}

void main();
