// The C preprocessor, as far as it decides which code a unit compiles: #if/#ifdef/#elif/#else
// evaluated against the unit's #defines, the #cgo -D flags and the target's predefined macros;
// #include followed in place (the macro state flows through headers as the compiler sees it);
// #pragma once. The result for each file is the text the parser should read: directive lines and
// branches that are not taken become spaces (offsets stay those of the file, CRLF and all), and
// macros that expand to nothing are blanked so `RLAPI void f(void)` parses as a declaration.
// A condition on a macro that may come from an unread header is unknown: both branches are kept.
import type { TextRange } from './backend';
import { blank } from '../text/blank';
import { pushRange } from './ranges';
import { evaluate, expandMacros, isIdentPart, isIdentStart, tokenize, type Macro, type Macros, type Token } from './c-expr';

/** Whether code is compiled: no, yes, or maybe (it hangs on an unknown macro). */
export type Live = 0 | 1 | 2;
const NO: Live = 0, YES: Live = 1, MAYBE: Live = 2;

export interface IncludeDirective { path: string; system: boolean; span: TextRange }

/** What the preprocessor makes of one file in one unit. */
export interface FileView {
  file: string;
  text: string;
  /** The text the parser reads: same length as `text`, skipped code blanked. */
  parseText: string;
}

export interface PreprocessContext {
  macros: Macros;
  /** `_GLFW_`: prefixes of reserved-looking names the workspace defines (so not the system's). */
  ownPrefixes?: Set<string>;
  /** Names known to be undefined (target macros of other platforms, #cgo -D names of other builds). */
  absent: Set<string>;
  /** Names some file read for this package #defines: when undefined here, they are known undefined. */
  controlled: Set<string>;
  /** Finds an included file in the workspace; undefined when it is not there (or not to be read). */
  resolve(include: IncludeDirective, fromFile: string): { file: string; text: string } | undefined;
  /** Receives each file's view, headers before the file that includes them is finished. */
  view(v: FileView): void;
  once: Set<string>;
  stats: { unknownConditions: number; tooDeep: number; unknownNames?: Map<string, number> };
  depth?: number;
}

/** A `#define NAME` line; the name is group 1. */
export const DEFINE_LINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm;

/** Storage and inline keywords: a macro made of these is written in its place when it fits. */
const KEYWORDS = new Set(['static', 'extern', 'inline', '__inline', '__inline__', 'const', 'volatile', 'register', '_Thread_local', '__thread']);
/** What a declaration can do without: attributes, export specifiers, calling conventions. */
const DECORATION = /^(?:__attribute__\s*\(\s*\(.*\)\s*\)|__declspec\s*\(.*\)|__cdecl|__stdcall|__fastcall|__vectorcall|__forceinline|__restrict|__extension__|\s)*$/;

interface Group { parent: Live; taken: Live; live: Live; maybe: boolean; lines: TextRange[] }

/**
 * Preprocesses `text` (only `segments` of it when given: a preamble inside a Go file) with the
 * context's macro state, which it updates. `base` is the liveness of the #include that led here.
 */
export function preprocessFile(file: string, text: string, segments: TextRange[] | undefined, ctx: PreprocessContext, base: Live = YES): void {
  const depth = ctx.depth ?? 0;
  const own = (ctx.ownPrefixes ??= new Set());
  const segs = segments ?? [{ start: 0, end: text.length }];
  for (const seg of segs) {
    const part = segments ? text.slice(seg.start, seg.end) : text;
    if (!part.includes('define')) continue;
    for (const m of part.matchAll(DEFINE_LINE)) {
      ctx.controlled.add(m[1]);
      const p = reservedPrefix(m[1]);
      if (p) own.add(p);
    }
  }
  const keep: TextRange[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const groups: Group[] = [];
  const live = (): Live => (groups.length ? groups[groups.length - 1].live : base);
  let inBlock = false;
  let sawCode = false;

  for (const seg of segs) {
    let i = seg.start;
    const end = seg.end;
    while (i < end) {
      // One physical line (a directive: one logical line, continuations and comments included).
      let j = i;
      if (!inBlock) while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (!inBlock && text[j] === '#') {
        const stop = directiveEnd(text, j, end);
        directive(text.slice(j + 1, stop.end), { start: i, end: stop.next }, { start: j, end: stop.end });
        i = stop.next;
        continue;
      }
      const lineEnd = physicalLineEnd(text, i, end);
      const scan = scanCode(text, i, lineEnd, inBlock, live() !== NO ? (s, e) => inPlace(s, e, lineEnd) : undefined);
      inBlock = scan.inBlock;
      if (live() !== NO) { pushRange(keep, i, lineEnd); if (scan.code) sawCode = true; }
      i = lineEnd;
    }
  }
  for (const g of groups) if (g.maybe) keep.push(...g.lines); // unterminated #if: keep what was kept
  // Only comments left (a guarded header read a second time): nothing to parse.
  if (sawCode || groups.length) ctx.view({ file, text, parseText: render(text, keep, edits) });

  /**
   * Writes a macro's expansion in place of its use when that changes how the code parses and
   * fits in the same characters, so offsets stay true: a macro that expands to nothing, to
   * attributes or to storage keywords (`RLAPI`, `STBIDEF` → `static `; blanked when the keywords do
   * not fit, so `static inline` from `RMAPI` only widens where the function is found), and a
   * function-like macro on one line whose expansion is no longer than its use (`CLITERAL(Color)`
   * → `(Color)`). Returns where scanning goes on.
   */
  function inPlace(start: number, end: number, lineEnd: number): number | void {
    const m = ctx.macros.get(text.slice(start, end));
    if (!m || !m.certain) return;
    if (m.params !== undefined) return functionLike(start, end, lineEnd);
    const expanded = expandMacros(tokenize(m.body), ctx.macros);
    if (expanded.uncertain) return;
    const keywords = expanded.tokens.filter((t) => KEYWORDS.has(t.text)).map((t) => t.text).join(' ');
    const rest = expanded.tokens.filter((t) => !KEYWORDS.has(t.text)).map((t) => t.text).join(' ');
    if (!DECORATION.test(rest)) return;
    edits.push({ start, end, text: keywords.length <= end - start ? keywords.padEnd(end - start) : ' '.repeat(end - start) });
  }

  function functionLike(start: number, end: number, lineEnd: number): number | void {
    let k = end;
    while (k < lineEnd && (text[k] === ' ' || text[k] === '\t')) k++;
    if (text[k] !== '(') return;
    const close = matchingParen(text, k, lineEnd);
    if (close < 0) return;
    const { tokens, uncertain } = expandMacros(tokenize(text.slice(start, close + 1)), ctx.macros);
    if (uncertain) return;
    const replacement = joinTokens(tokens);
    if (replacement.length > close + 1 - start || /[\r\n]/.test(replacement)) return;
    edits.push({ start, end: close + 1, text: replacement.padEnd(close + 1 - start) });
    return close + 1;
  }

  function directive(body: string, line: TextRange, at: TextRange): void {
    const m = /^\s*([A-Za-z_]+)\s*([\s\S]*)$/.exec(stripComments(body));
    const name = m?.[1] ?? '';
    const rest = (m?.[2] ?? '').trim();
    const top = groups[groups.length - 1];
    switch (name) {
      case 'if': case 'ifdef': case 'ifndef': {
        const parent = live();
        const cond = parent === NO ? NO : name === 'if' ? condition(rest) : defined(firstWord(rest), name === 'ifndef');
        const g: Group = { parent, taken: cond, live: and(parent, cond), maybe: parent !== NO && cond === MAYBE, lines: [line] };
        if (g.maybe) ctx.stats.unknownConditions++;
        groups.push(g);
        return;
      }
      case 'elif': case 'elifdef': case 'elifndef': case 'else': {
        if (!top) return;
        top.lines.push(line);
        if (top.parent === NO) return;
        const cond = name === 'else' ? YES : top.taken === YES ? NO : name === 'elif' ? condition(rest) : defined(firstWord(rest), name === 'elifndef');
        if (cond === MAYBE && top.taken !== YES) { top.maybe = true; ctx.stats.unknownConditions++; }
        top.live = and(top.parent, and(not(top.taken), cond));
        top.taken = or(top.taken, cond);
        if (top.live !== NO && top.taken === MAYBE) top.maybe = true;
        return;
      }
      case 'endif': {
        if (!top) return;
        top.lines.push(line);
        groups.pop();
        if (top.maybe) keep.push(...top.lines);
        return;
      }
    }
    const now = live();
    if (now === NO) return;
    if (name === 'define') define(rest, now === YES);
    else if (name === 'undef') {
      const n = firstWord(rest);
      if (now === YES) ctx.macros.set(n, null);
      else { const old = ctx.macros.get(n); if (old) ctx.macros.set(n, { ...old, certain: false }); }
    } else if (name === 'include' || name === 'import' || name === 'include_next') {
      const inc = includeTarget(rest);
      if (!inc || name === 'include_next') return;
      const found = ctx.resolve({ ...inc, span: at }, file);
      if (!found || ctx.once.has(found.file)) return;
      if (depth >= 64) { ctx.stats.tooDeep++; return; }
      preprocessFile(found.file, found.text, undefined, { ...ctx, depth: depth + 1 }, now);
    } else if (name === 'pragma' && /^once\b/.test(rest) && now === YES) ctx.once.add(file);
  }

  function define(rest: string, certain: boolean): void {
    const m = /^([A-Za-z_]\w*)(\(([^)]*)\))?\s*([\s\S]*)$/.exec(rest);
    if (!m) return;
    const macro: Macro = { body: m[4].trim(), certain };
    if (m[2] !== undefined) {
      const params = m[3].split(',').map((p) => p.trim()).filter((p) => p !== '');
      macro.variadic = params[params.length - 1]?.endsWith('...') ?? false;
      if (macro.variadic) { const last = params.pop()!.slice(0, -3).trim(); if (last) params.push(last); }
      macro.params = params;
    }
    ctx.macros.set(m[1], macro);
  }

  function defined(name: string, negate = false): Live {
    const v = definedState(name);
    return negate ? not(v) : v;
  }

  function definedState(name: string): Live {
    const m = ctx.macros.get(name);
    if (m === null) return NO;
    if (m) return m.certain ? YES : MAYBE;
    if (ctx.absent.has(name) || ctx.controlled.has(name) || !mayBeSystemMacro(name)) return NO;
    const p = reservedPrefix(name);
    if (p && own.has(p)) return NO;
    ctx.stats.unknownNames?.set(name, (ctx.stats.unknownNames.get(name) ?? 0) + 1);
    return MAYBE;
  }

  function condition(expr: string): Live {
    // `defined X` is decided before expansion, as the standard says.
    const raw = tokenize(expr);
    const tokens: Token[] = [];
    for (let k = 0; k < raw.length; k++) {
      if (raw[k].text !== 'defined') { tokens.push(raw[k]); continue; }
      const paren = raw[k + 1]?.text === '(';
      const nameTok = raw[k + (paren ? 2 : 1)];
      if (!nameTok) return MAYBE;
      const v = definedState(nameTok.text);
      tokens.push(v === MAYBE ? { text: '__g0guard_unknown__', kind: 'ident' } : { text: v === YES ? '1' : '0', kind: 'number' });
      k += paren ? 3 : 1;
    }
    const { tokens: expanded, uncertain } = expandMacros(tokens, ctx.macros);
    const value = evaluate(expanded, {
      ident: (n) => (n !== '__g0guard_unknown__' && definedState(n) === NO ? 0n : null),
      call: () => null, // __has_include(…), __has_attribute(…) and macros from unread headers
    });
    if (value === null || uncertain) return MAYBE;
    return value !== 0n ? YES : NO;
  }
}

/** `_GLFW_` of `_GLFW_X11`: a reserved-looking prefix, the workspace's own when it defines such names. */
export function reservedPrefix(name: string): string | undefined {
  return /^_+[A-Za-z0-9]+_/.exec(name)?.[0];
}

/**
 * Whether a name no file read here defines may still come from a system header that is not read:
 * names reserved to the implementation (`__GLIBC__`, `_POSIX_C_SOURCE`) and those of the usual
 * system and library namespaces (limits, errno, signals, OpenGL, GLib, OpenSSL …). Any other name
 * is undefined unless the workspace or a #cgo flag defines it, as the compiler itself concludes.
 */
export function mayBeSystemMacro(name: string): boolean {
  return /^_[A-Z_]/.test(name) || SYSTEM_NAMES.test(name);
}

const SYSTEM_NAMES = new RegExp('^(?:' + [
  '[A-Z]+_(?:MAX|MIN|BIT|WIDTH)', 'E[A-Z0-9]+', 'SIG[A-Z0-9]+', 'SA_\\w+', '(?:O|MAP|PROT|MS|MADV|CLOCK|PTHREAD|SEEK|S_I|AF|PF|SOCK|IPPROTO|SO|SOL|TCP|MSG|POLL|EPOLL|RTLD|F|FD|AT|TIOC|RLIMIT|SCHED|PR|SYS)_\\w+',
  '(?:INT|UINT|INTMAX|UINTMAX|INTPTR|UINTPTR|PTRDIFF|SIZE|WCHAR|WINT|SIG_ATOMIC)\\w*', 'NULL', 'EOF', 'BUFSIZ', 'FILENAME_MAX', 'FOPEN_MAX', 'RAND_MAX', 'EXIT_\\w+', 'STD(?:IN|OUT|ERR)_FILENO', 'MB_\\w+', 'LC_\\w+', 'FLT_\\w+', 'DBL_\\w+', 'LDBL_\\w+', 'M_\\w+', 'HUGE_VAL\\w*', 'INFINITY', 'NAN', 'FP_\\w+',
  '(?:GL|GLX|EGL|WGL|GLU|VK|XK|X|XCB|KEY|BTN|ABS|REL|SYN|EV|FF|INPUT|WL|XKB|DRM|GBM|ALSA|SND|PA|JACK|SL|AAUDIO|G|GLIB|GTK|GDK|GST|GIO|PANGO|CAIRO|OPENSSL|SSL|TLS|EVP|BIO|X509|CRYPTO|LIBRESSL|BPF|LIBBPF|PERF|V8|SQLITE|LUA|PY|JNI|ANDROID|AMOTION|AKEY|ALOOPER|TARGET_OS|TARGET|MAC_OS|IOS|NS|CF|UI|WIN|WINAPI|STRICT|NOMINMAX|WIN32_LEAN_AND_MEAN|UNICODE)_\\w+',
  'UNICODE', 'WIN32_LEAN_AND_MEAN', 'NOMINMAX',
].join('|') + ')$');

/**
 * The text the parser reads: kept ranges as they are (with in-place edits), the rest as spaces with
 * line breaks kept, so offsets and lines stay the file's. Nothing after the last kept range is
 * needed: the text ends there (a preamble's Go file is not blanked to its end).
 */
function render(text: string, keep: TextRange[], edits: { start: number; end: number; text: string }[]): string {
  keep.sort((a, b) => a.start - b.start);
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0, e = 0;
  const copy = (from: number, to: number) => {
    while (e < edits.length && edits[e].start < to) {
      const ed = edits[e++];
      if (ed.start < from) continue;
      parts.push(text.slice(from, ed.start), ed.text);
      from = ed.end;
    }
    if (to > from) parts.push(text.slice(from, to));
  };
  for (const r of keep) {
    if (r.end <= pos) continue;
    const start = Math.max(r.start, pos);
    if (start > pos) parts.push(blank(text, pos, start));
    copy(start, r.end);
    pos = r.end;
  }
  return parts.join('');
}

function and(a: Live, b: Live): Live { return a === NO || b === NO ? NO : a === YES && b === YES ? YES : MAYBE; }
function or(a: Live, b: Live): Live { return a === YES || b === YES ? YES : a === NO && b === NO ? NO : MAYBE; }
function not(a: Live): Live { return a === YES ? NO : a === NO ? YES : MAYBE; }

function firstWord(s: string): string {
  return /^[A-Za-z_]\w*/.exec(s.trim())?.[0] ?? '';
}

function includeTarget(rest: string): { path: string; system: boolean } | undefined {
  const m = /^(?:"([^"]*)"|<([^>]*)>)/.exec(rest);
  if (!m) return undefined;
  return m[1] !== undefined ? { path: m[1], system: false } : { path: m[2], system: true };
}

/** End of a physical line: after its line break (\n, \r\n or a lone \r), or at `limit`. */
function physicalLineEnd(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i++);
    if (c === 10) return i;
    if (c === 13) return text.charCodeAt(i) === 10 && i < limit ? i + 1 : i;
  }
  return limit;
}

/** A directive runs to the first line break that is neither escaped nor inside a block comment. */
function directiveEnd(text: string, i: number, limit: number): { end: number; next: number } {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      const k = text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10 ? i + 3 : i + 2;
      i = text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13 ? k : i + 2;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) { const e = text.indexOf('*/', i + 2); i = e < 0 || e >= limit ? limit : e + 2; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 47) { while (i < limit && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++; continue; }
    if (c === 34 || c === 39) { i = skipLiteral(text, i, limit); continue; }
    if (c === 10 || c === 13) return { end: i, next: physicalLineEnd(text, i, limit) };
    i++;
  }
  return { end: limit, next: limit };
}

function skipLiteral(text: string, i: number, limit: number): number {
  const q = text.charCodeAt(i++);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === q) return i + 1;
    if (c === 10 || c === 13) return i;
    i += c === 92 ? 2 : 1;
  }
  return limit;
}

/**
 * Scans one line of code for comments and literals (so that block comments carry over to the
 * next line) and hands each identifier outside them to `ident`. Returns whether a block comment
 * is still open at the end.
 */
function scanCode(text: string, i: number, end: number, inBlock: boolean, ident?: (start: number, end: number) => number | void): { inBlock: boolean; code: boolean } {
  let code = false;
  while (i < end) {
    if (inBlock) {
      const e = text.indexOf('*/', i);
      if (e < 0 || e + 2 > end) return { inBlock: true, code };
      i = e + 2;
      inBlock = false;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 42) { inBlock = true; i += 2; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 47) return { inBlock: false, code };
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) code = true;
    if (c === 34 || c === 39) { i = skipLiteral(text, i, end); continue; }
    if (isIdentStart(c)) {
      const s = i;
      while (i < end && isIdentPart(text.charCodeAt(i))) i++;
      if (ident && (text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 39)) i = ident(s, i) ?? i;
      continue;
    }
    if (c >= 48 && c <= 57) { while (i < end && isIdentPart(text.charCodeAt(i))) i++; continue; }
    i++;
  }
  return { inBlock, code };
}

/** The `)` that closes the `(` at `open`, on the same line; -1 if there is none. */
function matchingParen(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) { i = skipLiteral(text, i, limit) - 1; continue; }
    if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) return -1;
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i;
  }
  return -1;
}

/** Tokens as text, with a space only where two would otherwise run together. */
function joinTokens(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    const last = out.charCodeAt(out.length - 1);
    if (out && isIdentPart(last) && isIdentPart(t.text.charCodeAt(0))) out += ' ';
    else if (out && /[-+&|<>=]$/.test(out) && /^[-+&|<>=]/.test(t.text)) out += ' ';
    out += t.text;
  }
  return out;
}

function stripComments(s: string): string {
  return s.replace(/\\\r?\n/g, ' ').replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ').replace(/\/\/.*$/gm, '');
}
