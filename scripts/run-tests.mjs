// Runs every compiled test file (out/test/**/*.test.js) with node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name));
    else if (e.name.endsWith('.test.js')) files.push(join(dir, e.name));
  }
};
walk('out/test');
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...selected.sort()], { stdio: 'inherit' });
process.exit(r.status ?? 1);
