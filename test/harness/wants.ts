// Reads `// want RULE "regexp"` expectations (also `/* want ... */`, and `want +N` for a line
// below) from every source file of a fixture case, in Go and C comments alike.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Want { file: string; line: number; rule: string; pattern: RegExp; text: string }

const WANT = /(?:\/\/|\/\*)\s*want\s+(?:\+(\d+)\s+)?((?:[a-z0-9-]+\s+"(?:[^"\\]|\\.)*"\s*)+)/;
const PAIR = /([a-z0-9-]+)\s+"((?:[^"\\]|\\.)*)"/g;

export function parseWants(file: string, text: string): Want[] {
  const wants: Want[] = [];
  text.split(/\r\n|\n|\r/).forEach((lineText, i) => {
    const m = WANT.exec(lineText);
    if (!m) return;
    const line = i + 1 + (m[1] ? Number(m[1]) : 0);
    for (const p of m[2].matchAll(PAIR)) {
      const source = p[2].replace(/\\"/g, '"');
      wants.push({ file, line, rule: p[1], pattern: new RegExp(source), text: `${p[1]} "${source}"` });
    }
  });
  return wants;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(go|c|h|cc|cpp|cxx|hh|hpp)$/.test(e.name)) out.push(full);
  }
  return out.sort();
}

export function caseWants(dir: string): Want[] {
  return sourceFiles(dir).flatMap((f) => parseWants(path.relative(dir, f), fs.readFileSync(f, 'utf8')));
}
