// Copies the wasm grammars from the installed grammar packages into grammars/ and writes the
// manifest. Run after upgrading tree-sitter-go, tree-sitter-c or tree-sitter-cpp; a test fails when they drift.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const grammars = [];
for (const [lang, pkg] of [['go', 'tree-sitter-go'], ['c', 'tree-sitter-c'], ['cpp', 'tree-sitter-cpp']]) {
  const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
  const file = `${pkg}.wasm`;
  copyFileSync(join(pkgDir, file), join(root, 'grammars', file));
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const sha256 = createHash('sha256').update(readFileSync(join(root, 'grammars', file))).digest('hex');
  grammars.push({ lang, file, package: pkg, version, sha256 });
}
writeFileSync(join(root, 'grammars', 'manifest.json'), JSON.stringify({ grammars }, null, 2) + '\n');
console.log(grammars.map((g) => `${g.file} ${g.package}@${g.version} ${g.sha256.slice(0, 12)}`).join('\n'));
