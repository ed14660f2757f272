// Finds the files that ship beside the code (grammars/, server/queries/), whether the code runs
// from out/ after tsc or from a bundle, by walking up to the folder that holds grammars/manifest.json.
import * as fs from 'node:fs';
import * as path from 'node:path';

let cachedRoot: string | undefined;

export function resourceRoot(): string {
  if (cachedRoot) return cachedRoot;
  const override = process.env.G0GUARD_RESOURCES;
  if (override) return (cachedRoot = override);
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'grammars', 'manifest.json'))) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`g0guard: cannot find grammars/manifest.json above ${__dirname}`);
    dir = parent;
  }
}

export function queryFiles(lang: string): { name: string; file: string; source: string }[] {
  const dir = path.join(resourceRoot(), 'server', 'queries', lang);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.scm')).sort().map((f) => {
    const file = path.join(dir, f);
    return { name: f.slice(0, -4), file, source: fs.readFileSync(file, 'utf8') };
  });
}
