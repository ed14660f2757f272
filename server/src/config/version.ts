// The g0guard version, from the nearest package.json named g0guard above this file (from out/ after
// tsc or from the extension bundle); 0.0.0 when there is none.
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function version(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'g0guard') return (cached = pkg.version as string);
    } catch { /* not here */ }
    if (path.dirname(dir) === dir) return (cached = '0.0.0');
  }
}
