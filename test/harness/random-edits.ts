// Seeded random editing for the language-server tests that replay thousands of edits
// (test/lsp/incremental-equals-fresh.test.ts, test/soak/soak.ts): typing character by character,
// snippet insertions, deletions, multi-line pastes, CRLF lines, CJK and emoji, edits inside the
// cgo preamble and in .c files, and undos (LIFO) that keep the text near real code instead of
// drifting into noise. Edits are offsets into the current text; toChange() turns them into LSP
// ranged changes in UTF-16 positions. Offsets never split a surrogate pair or a CRLF, as an
// editor's cursor never does.
import { TextDocument } from 'vscode-languageserver-textdocument';

/** One replacement in offsets of the text it applies to. */
export interface Edit { start: number; end: number; text: string; kind: string }

/** Statements typed or pasted into Go function bodies: each can add or remove findings. */
const GO_LINES = [
  'panic("boom")', 'C.step0(1)', 'C.step3(C.int(n))', 'defer func() { recover() }()', 'x := map[string]int{"a": 1}; _ = x',
  'go func() { C.step1(2) }()', 'fmt.Println("日本語のテキスト", n)', '// コメント 😀 emoji 🚀 中文注释', 'var buf [70000]byte; _ = buf',
  '//g0guard:ignore export-panic checked by the caller, 测试', 'if n > 0 { return }', 'log.Panicf("bad %d", 1)',
  's := "😀😀 surrogate pairs 𝔘𝔫𝔦"; _ = s', 'for i := 0; i < 3; i++ { C.eval_group(nil, 0) }', 'goEval(nil, 0)',
];
/** C typed into preambles and .c files. */
const C_LINES = [
  'char big[70000]; (void)big;', 'int r = walk_dir(n - 1); (void)r;', 'void *p = alloca(n); (void)p;', '/* 注释 🎉 C comment */',
  'static int loop(int n) { return n ? loop(n - 1) : 0; }', '#include <stdio.h>', 'extern void goStep1(int);',
  'void step_extra(int n) { if (n) goStep0(n - 1); }', 'int grid[512][512];', '// ライン comment', 'GoWeight(1);',
];
/** Between functions: declarations that change the package's shape. */
const TOP_LEVEL = [
  'func extra(n int) int { return n }', '//export goExtra\nfunc goExtra() { panic("extra") }', 'var m = map[int]int{}',
  '// 関数の説明 ✨', 'type T struct{ a [100000]byte }', 'const k = "é"',
];
/** Single characters that open or close things: comments, strings, blocks. */
const NOISE = ['{', '}', '(', ')', '"', '`', '/*', '*/', '//', '\'', ';', '\\', '世', '🎈', '\t', ' '];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** An offset moved left off the middle of a surrogate pair or a CRLF. */
export function snap(text: string, o: number): number {
  o = Math.max(0, Math.min(text.length, o));
  const prev = text.charCodeAt(o - 1), here = text.charCodeAt(o);
  if (prev >= 0xd800 && prev <= 0xdbff && here >= 0xdc00 && here <= 0xdfff) return o - 1;
  if (prev === 13 && here === 10) return o - 1;
  return o;
}

/** The interior of every cgo preamble block comment (`/* … *\/` right before `import "C"`). */
export function preambles(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\/\*((?:(?!\*\/)[\s\S])*)\*\/[ \t]*\r?\nimport "C"/g)) out.push({ start: m.index! + 2, end: m.index! + 2 + m[1].length });
  return out;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { out.push(i + 2); i++; } else if (c === 10 || c === 13) out.push(i + 1);
  }
  return out;
}

interface FileState { undo: Edit[]; typing?: { at: number; rest: string }; unwinding?: boolean }

export interface EditorOptions {
  /** Chance that an edit undoes the newest one not undone yet, growing with the stack (keeps text near code). */
  undoBase?: number;
  /** Undo stack depth at which every edit is an undo. */
  maxDepth?: number;
}

/** Produces edits for files by path, remembering per file what can be undone and what is being typed. */
export class RandomEditor {
  private readonly files = new Map<string, FileState>();
  constructor(readonly random: () => number, private readonly opts: EditorOptions = {}) {}

  /** Forget a file's undo stack (it was closed: the text on disk took over). */
  reset(file: string): void {
    this.files.delete(file);
  }

  /** The next edit of `file`, whose current text is `text`. */
  next(file: string, text: string): Edit {
    const r = this.random;
    let st = this.files.get(file);
    if (!st) this.files.set(file, (st = { undo: [] }));
    const isC = !file.endsWith('.go');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    if (st.typing) {
      // One keystroke: the next character (a surrogate pair counts as one), or Enter.
      const ch = st.typing.rest.startsWith('\n') ? eol : String.fromCodePoint(st.typing.rest.codePointAt(0)!);
      const e: Edit = { start: st.typing.at, end: st.typing.at, text: ch, kind: 'type' };
      st.typing.rest = st.typing.rest.slice(ch === eol ? 1 : ch.length);
      st.typing.at += ch.length;
      if (!st.typing.rest) st.typing = undefined;
      return this.push(st, text, e);
    }
    const depth = st.undo.length, maxDepth = this.opts.maxDepth ?? 60;
    // Now and then undo everything, one edit at a time (Ctrl+Z held down): an early edit that broke
    // the file (an unclosed comment) does not stay for the whole run.
    if (depth && !st.unwinding && r() < 0.01) st.unwinding = true;
    if (st.unwinding && !depth) st.unwinding = false;
    if (depth && (st.unwinding || r() < Math.min(1, (this.opts.undoBase ?? 0.35) + (0.65 * depth) / maxDepth))) {
      return st.undo.pop()!;
    }
    if (!isC && r() < 0.01) {
      // A build constraint on top takes the file out of its package (or keeps it, for linux).
      const e: Edit = { start: 0, end: 0, text: `//go:build ${r() < 0.7 ? 'ignore' : 'linux'}${eol}${eol}`, kind: 'build' };
      return this.push(st, text, e);
    }
    const lines = lineStarts(text);
    const pre = preambles(text);
    // Where: a preamble (C), a line start, or anywhere.
    let at: number, lang: 'go' | 'c' | 'top' = isC ? 'c' : 'go';
    const where = r();
    if (!isC && pre.length && where < 0.25) {
      const p = pick(r, pre);
      at = p.start + Math.floor(r() * (p.end - p.start + 1));
      lang = 'c';
    } else if (where < 0.85) {
      at = pick(r, lines);
      if (!isC && r() < 0.15) lang = 'top';
    } else at = Math.floor(r() * (text.length + 1));
    at = snap(text, at);
    const kind = r();
    let e: Edit;
    if (kind < 0.03) {
      // Type a line, character by character over the next edits.
      const body = lang === 'c' ? pick(r, C_LINES) : lang === 'top' ? pick(r, TOP_LEVEL) : pick(r, GO_LINES);
      st.typing = { at, rest: '\t' + body + '\n' };
      return this.next(file, text);
    } else if (kind < 0.3) {
      const body = lang === 'c' ? pick(r, C_LINES) : lang === 'top' ? pick(r, TOP_LEVEL) : pick(r, GO_LINES);
      const crlf = r() < 0.3 ? '\r\n' : eol;
      e = { start: at, end: at, text: ('\t' + body + '\n').replace(/\n/g, crlf), kind: 'insert' };
    } else if (kind < 0.45) {
      e = { start: at, end: at, text: pick(r, NOISE), kind: 'noise' };
    } else if (kind < 0.75) {
      // Delete a few characters, or whole lines (backspace, cut).
      const wholeLines = r() < 0.4;
      let start = at, end: number;
      if (wholeLines) {
        const k = lines.findIndex((s) => s > at);
        const first = k < 0 ? lines.length - 1 : k - 1;
        start = lines[first];
        end = lines[Math.min(lines.length - 1, first + 1 + Math.floor(r() * 3))] ?? text.length;
        if (end <= start) end = text.length;
      } else end = at + 1 + Math.floor(r() * (r() < 0.8 ? 4 : 40));
      e = { start: snap(text, start), end: snap(text, end), text: '', kind: 'delete' };
    } else if (kind < 0.93) {
      // Paste 2–12 lines copied from elsewhere in the file, sometimes with Windows line ends.
      const k = Math.floor(r() * lines.length);
      const from = lines[k], to = lines[Math.min(lines.length - 1, k + 2 + Math.floor(r() * 11))];
      let chunk = text.slice(from, to > from ? to : text.length);
      if (r() < 0.3) chunk = chunk.replace(/\r?\n/g, '\r\n');
      e = { start: at, end: at, text: chunk, kind: 'paste' };
    } else {
      // Replace a word with another identifier from the file (renames, retargeted calls).
      const words = [...text.slice(Math.max(0, at - 400), at + 400).matchAll(/[A-Za-z_]\w{2,}/g)].map((m) => m[0]);
      const m = /[A-Za-z_]\w*/.exec(text.slice(at, at + 40));
      if (!m || !words.length) e = { start: at, end: at, text: pick(r, NOISE), kind: 'noise' };
      else e = { start: at + m.index, end: at + m.index + m[0].length, text: pick(r, words), kind: 'rename' };
    }
    return this.push(st, text, e);
  }

  private push(st: FileState, text: string, e: Edit): Edit {
    // The inverse, in the coordinates after `e`: the new text goes back to what the range held.
    st.undo.push({ start: e.start, end: e.start + e.text.length, text: text.slice(e.start, e.end), kind: 'undo' });
    return e;
  }
}

/** Applies an edit to a string. */
export function applyEdit(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

/** The LSP ranged change for an edit of `text` (UTF-16 positions). */
export function toChange(text: string, e: Edit): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const doc = TextDocument.create('file:///x', 'go', 0, text);
  return { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text };
}
