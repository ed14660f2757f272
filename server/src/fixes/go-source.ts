// Text helpers the fix builders share: lines, indentation, line endings, and a small Go scanner that
// finds a function body's brace without a syntax tree (facts carry spans, not trees).
import type { Span } from '../model/facts';
import type { GoFile } from '../model/package';

/** The file's line ending, so inserted lines match it (CRLF files stay CRLF). */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

export function lineStartAt(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

export function lineEndAt(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The spaces and tabs that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start, lineEndAt(text, start)))![0];
}

/**
 * Offset of the `{` that opens the body of the function declared at `span` (which ends with the
 * body's `}`), skipping strings, runes and comments; -1 when the braces do not pair up.
 */
export function bodyOpenBrace(text: string, span: Span): number {
  const stack: number[] = [];
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') { i = lineEndAt(text, i); continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); if (e < 0) return -1; i = e + 1; continue; }
    if (c === '`') { const e = text.indexOf('`', i + 1); if (e < 0) return -1; i = e; continue; }
    if (c === '"' || c === "'") {
      for (i++; i < span.end && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '{') stack.push(i);
    else if (c === '}') {
      const open = stack.pop();
      if (open === undefined) return -1;
      if (i === span.end - 1) return stack.length === 0 ? open : -1;
    }
  }
  return -1;
}

/** Whether `name` appears as a whole identifier in `code`. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${name}($|[^A-Za-z0-9_])`).test(code);
}

/** A fresh identifier: `base`, or `base2`, `base3` … when the code already uses it. */
export function freshName(code: string, base: string): string {
  if (!mentions(code, base)) return base;
  for (let n = 2; ; n++) if (!mentions(code, `${base}${n}`)) return `${base}${n}`;
}

/**
 * An edit that imports `importPath`: one more line in the last import group when the file has one,
 * else a new import declaration after the last. Undefined when the file has no imports at all.
 */
export function importEdit(file: GoFile, importPath: string): { at: number; text: string } | undefined {
  const last = file.facts.imports.reduce<{ span: Span; path: string } | undefined>((a, i) => (!a || i.span.end > a.span.end ? i : a), undefined);
  const after = afterImports(file);
  if (!last || after === undefined) return undefined;
  const eol = eolOf(file.text);
  const grouped = file.text[after - 1] === ')' && last.path !== 'C';
  if (grouped) return { at: lineEndAt(file.text, last.span.end), text: `${eol}${indentAt(file.text, last.span.start)}"${importPath}"` };
  return { at: after, text: `${eol}${eol}import "${importPath}"` };
}

/**
 * Where a new top-level declaration goes after the imports: just past the last import declaration
 * (past its `)` when the last spec sits in a group). Undefined when the file has no imports.
 */
export function afterImports(file: GoFile): number | undefined {
  const last = file.facts.imports.reduce<Span | undefined>((a, i) => (!a || i.span.end > a.end ? i.span : a), undefined);
  if (!last) return undefined;
  const text = file.text;
  let i = last.end;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) { i = lineEndAt(text, i); continue; }
    if (text.startsWith('/*', i)) { const e = text.indexOf('*/', i + 2); i = e < 0 ? text.length : e + 2; continue; }
    break;
  }
  return text[i] === ')' ? i + 1 : lineEndAt(text, last.end);
}
