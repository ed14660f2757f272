// A package's constants read from its text when a depth guard names one (rare, so never at
// extraction): `const X = e`, `const X T = e`, and groups with iota and repeated expressions.
// Comments and strings are not parsed further: a constant that does not read cleanly is left out.

/** Name → expression text with `iota` replaced, from one file's text. */
export function constantsInText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const src = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
  for (const m of src.matchAll(/^const[ \t]+(?:\(([\s\S]*?)^\)|([^\n]*))/gm)) {
    const specs = m[1] !== undefined ? m[1].split('\n') : [m[2]];
    let last: string[] = [];
    let iota = 0;
    for (const line of specs) {
      const spec = line.trim().replace(/;$/, '');
      if (!spec) continue;
      const eq = /^(\w+(?:\s*,\s*\w+)*)(?:\s+[\w.*[\]]+)?\s*=\s*(.+)$/.exec(spec);
      const names = (eq ? eq[1] : spec).split(',').map((n) => n.trim());
      if (!names.every((n) => /^\w+$/.test(n))) { iota++; continue; }
      if (eq) last = splitTop(eq[2]);
      names.forEach((n, i) => { if (n !== '_' && last[i] !== undefined) out[n] = last[i].replace(/\biota\b/g, String(iota)); });
      iota++;
    }
  }
  return out;
}

/** `a, f(b, c)` → ['a', 'f(b, c)']. */
function splitTop(list: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { out.push(list.slice(start, i).trim()); start = i + 1; }
  }
  out.push(list.slice(start).trim());
  return out;
}
