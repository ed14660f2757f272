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

/** A statement that fits the goroutine hop: a `return` (its expressions apart) or a plain statement. */
export interface SimpleStatement { start: number; end: number; text: string; returns?: string }

const NOT_SIMPLE = /^(if|for|switch|select|go|defer|var|const|type|func|case|default|else|goto|break|continue|fallthrough)\b|^\}|^[A-Za-z_]\w*\s*:(?!=)/;

/**
 * The whole statement around a call, when it is one statement that starts on the call's line and
 * ends at the end of the call's last line (a trailing comment aside): a `return`, an expression,
 * or an assignment with `=` (not `:=`, whose names would end up inside the goroutine). Undefined
 * for anything else (a condition, a declaration, two statements on a line, a continued line).
 */
export function simpleStatementAround(text: string, call: Span): SimpleStatement | undefined {
  const lineStart = lineStartAt(text, call.start);
  if (continuesPreviousLine(text, lineStart)) return undefined;
  let start = lineStart;
  for (;;) {
    while (start < call.start && (text[start] === ' ' || text[start] === '\t')) start++;
    if (!text.startsWith('/*', start)) break;
    const e = text.indexOf('*/', start + 2);
    if (e < 0 || e + 2 > call.start) return undefined;
    start = e + 2;
  }
  // Blank out strings, runes and comments so the checks below see only code.
  const lineEnd = lineEndAt(text, call.end);
  let code = '';
  for (let i = start; i < lineEnd; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') break;
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); if (e < 0) return undefined; code += ' '.repeat(e + 2 - i); i = e + 1; continue; }
    if (c === '`' || c === '"' || c === "'") {
      let j = i + 1;
      for (; j < lineEnd && text[j] !== c; j++) if (c !== '`' && text[j] === '\\') j++;
      if (j >= lineEnd && c !== '`') return undefined;
      if (j >= text.length) return undefined;
      code += c + ' '.repeat(j - i - 1) + c;
      i = j;
      continue;
    }
    code += c;
  }
  const trimmed = code.replace(/\s+$/, '');
  const end = start + trimmed.length;
  if (end < call.end) return undefined;
  let depth = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { if (--depth < 0) return undefined; }
    else if (depth === 0 && (c === ';' || (c === ':' && trimmed[i + 1] === '='))) return undefined;
  }
  if (depth !== 0 || NOT_SIMPLE.test(trimmed) || (/[,([{=+\-*/%&|^<>!.:]$/.test(trimmed) && !/(\+\+|--)$/.test(trimmed))) return undefined;
  const stmt = text.slice(start, end);
  const ret = /^return\b\s*/.exec(stmt);
  if (ret && ret[0].length === stmt.length) return undefined; // a bare return holds no call
  return ret ? { start, end, text: stmt, returns: stmt.slice(ret[0].length) } : { start, end, text: stmt };
}

/** The line before ends mid-expression (`,`, an operator, `(`): the line does not start a statement. */
export function continuesPreviousLine(text: string, lineStart: number): boolean {
  let i = lineStart - 1;
  while (i >= 0) {
    const ls = lineStartAt(text, i);
    const line = text.slice(ls, i + 1).replace(/\/\/.*$/, '').trimEnd();
    if (line.trim() !== '') return /([,([=+\-*/%&|^<>!.:]|&&|\|\|)$/.test(line) && !/(\+\+|--)$/.test(line) && !/^\s*(case\b.*|default\s*):$/.test(line) && !/^\s*[A-Za-z_]\w*:$/.test(line);
    i = ls - 1;
  }
  return false;
}
