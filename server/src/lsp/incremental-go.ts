// Keeps the facts of big open Go files current per keystroke without reading the whole file again:
// an edit inside one top-level function re-extracts that function alone (the other functions
// blanked to spaces, so offsets stay true) and shifts the facts after it; an edit between functions
// re-reads the skeleton (preamble, imports, types) and the function below it. A change of shape
// falls back to a full extraction. Results go into the shared fact cache, where the package loader
// finds them by text.
import type { GoFileFacts, Span } from '../model/facts';
import { extractGo } from '../model/extract-go';
import type { FactCache } from '../model/package';
import type { ParserBackend } from '../parse/backend';
import { blockCommentEnd, literalEnd } from '../parse/go-lexical';
import { findPreambles } from '../parse/preamble';
import { shifted, shiftedFrom } from '../model/shift-offsets';
import { mergeFacts, pieceFrom, splitFacts, type Piece } from './facts-splice';

/** Below this many characters a full extraction costs a few milliseconds: not worth the model. */
export const INCREMENTAL_MIN_CHARS = 8 * 1024;

interface Model {
  text: string;
  /** Top-level function and method declarations, in order. */
  regions: Span[];
  /** Preamble comments: blanked in piece texts so a piece does not parse the C again. */
  preamble: Span[];
  skeleton: GoFileFacts;
  pieces: Piece[];
  facts: GoFileFacts;
  /** How the last update was made. */
  via?: 'piece' | 'skeleton';
  /**
   * Read whole while the file had a syntax error: error recovery may have bent the shape and the
   * facts around it, so the first error-free text is read whole again rather than spliced.
   */
  tainted: boolean;
  /** False when the facts link functions across regions (splitFacts): edits read the file whole. */
  splittable: boolean;
}

export interface UpdateStats { mode: 'piece' | 'skeleton' | 'full' | 'small' | 'cached' }

export class IncrementalGo {
  private readonly models = new Map<string, Model>();

  constructor(private readonly backend: () => ParserBackend, private readonly cache: FactCache, private readonly minChars = INCREMENTAL_MIN_CHARS) {}

  /** Facts for `text`, the new content of `file`, computed from its previous facts where possible. */
  update(file: string, text: string): UpdateStats {
    if (text.length < this.minChars) { this.models.delete(file); return { mode: 'small' }; }
    const isTest = file.endsWith('_test.go');
    let model = this.models.get(file);
    if (model?.text === text) return { mode: 'cached' };
    const known = this.cache.get(file);
    // Opened as it is on disk: the index already read it; the model waits for the first edit.
    if (!model && known?.text === text) return { mode: 'cached' };
    if (!model) {
      // The previous text's full facts (from the index or the last keystroke) seed the model.
      if (known && 'packageName' in known.facts) {
        model = this.establish(known.text, isTest, known.facts as GoFileFacts);
      }
    }
    let next = model && this.edit(model, text, isTest);
    if (next?.tainted && next.facts.errors === 0) next = undefined;
    const mode: UpdateStats['mode'] = next?.via ?? 'full';
    if (!next) next = this.establish(text, isTest);
    this.models.set(file, next);
    this.cache.set(file, { text, facts: next.facts });
    return { mode };
  }

  drop(file: string): void {
    this.models.delete(file);
  }

  private establish(text: string, isTest: boolean, known?: GoFileFacts): Model {
    const { regions, preamble, regionErrors, skeletonErrors } = this.structure(text);
    const facts = known ?? extractGo(this.backend(), text, isTest);
    const { skeleton, pieces, splittable } = splitFacts(facts, regions);
    skeleton.errors = skeletonErrors ? 1 : 0;
    pieces.forEach((p, k) => { p.errors = regionErrors[k] ? 1 : 0; });
    return { text, regions, preamble, skeleton, pieces, facts, tainted: facts.errors > 0, splittable };
  }

  /** Top-level function declarations, preamble comments, and where the syntax errors are. */
  private structure(text: string): { regions: Span[]; preamble: Span[]; regionErrors: boolean[]; skeletonErrors: boolean } {
    const tree = this.backend().parse('go', text);
    try {
      const top = tree.root.namedChildren;
      const isFunc = (type: string) => type === 'function_declaration' || type === 'method_declaration';
      const funcs = top.filter((n) => isFunc(n.type));
      // The file-level error flag, attributed where it arises, so a piece that gets fixed clears it.
      const regionErrors = funcs.map((n) => n.hasError);
      return {
        regions: funcs.map((n) => ({ start: n.startIndex, end: n.endIndex })),
        preamble: findPreambles(tree.root, text).flatMap((p) => p.comments),
        regionErrors,
        skeletonErrors: top.some((n) => !isFunc(n.type) && (n.type === 'ERROR' || n.hasError)) || (tree.root.hasError && !regionErrors.some(Boolean)),
      };
    } finally {
      tree.dispose();
    }
  }

  /** The model after an edit inside one function declaration, or undefined to start over. */
  private edit(model: Model, text: string, isTest: boolean): Model | undefined {
    if (!model.splittable) return undefined;
    const old = model.text;
    const min = Math.min(old.length, text.length);
    let a = 0;
    while (a < min && old.charCodeAt(a) === text.charCodeAt(a)) a++;
    let s = 0;
    while (s < min - a && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    const b = old.length - s, delta = text.length - old.length;
    const i = model.regions.findIndex((r) => r.start < a && b < r.end);
    if (i < 0) return this.editSkeleton(model, text, a, b, delta, isTest);
    const oldRegion = model.regions[i];
    const region = { start: oldRegion.start, end: oldRegion.end + delta };
    // A //go:build line is file-level and first-wins: leave that rare case to a full read.
    if (text.slice(region.start, region.end).includes('go:build')) return undefined;
    const move = (r: Span) => (r.start >= oldRegion.end ? { start: r.start + delta, end: r.end + delta } : r);
    const regions = model.regions.map((r, k) => (k === i ? region : move(r)));
    const preamble = model.preamble.map(move);
    const skeleton = delta === 0 ? model.skeleton : shiftedFrom(model.skeleton, oldRegion.end, delta);
    const piece = this.piece(text, i, regions, preamble, skeleton, isTest);
    if (!piece) return undefined;
    const pieces = model.pieces.map((p, k) => (k === i ? piece : k > i && delta !== 0 ? shifted(p, delta) : p));
    return { text, regions, preamble, skeleton, pieces, facts: mergeFacts(skeleton, pieces), via: 'piece', tainted: model.tainted, splittable: true };
  }

  /**
   * An edit outside every function (preamble, imports, types, comments between functions): the
   * skeleton is read again with the functions blanked, and so is the function right after the edit
   * (its doc comment may have changed). Functions keep their facts as long as the file-level facts
   * they are read with (imports, package variables) stay the same and no function appeared or went.
   */
  private editSkeleton(model: Model, text: string, a: number, b: number, delta: number, isTest: boolean): Model | undefined {
    if (model.regions.some((r) => r.start < b && a < r.end)) return undefined;
    const move = (r: Span) => (r.start >= b ? { start: r.start + delta, end: r.end + delta } : r);
    const expected = model.regions.map(move);
    const sk = extractGo(this.backend(), blankExcept(text, { start: 0, end: 0 }, expected), isTest);
    if (sk.funcs.some((f) => f.parent === undefined && f.name !== '')) return undefined; // a function appeared
    let st: { regions: Span[]; preamble: Span[]; skeletonErrors: boolean };
    // The stretch between the functions around the edit (new coordinates).
    const before = expected.filter((r) => r.end <= a), after = expected.find((r) => r.start >= a);
    const gapStart = before.length ? before[before.length - 1].end : 0, gapEnd = after ? after.start : text.length;
    if (!model.tainted && model.facts.errors === 0 && sk.errors === 0 && closedAndBalanced(text, gapStart, gapEnd)) {
      // The skeleton parses clean and the edited stretch opens nothing it does not close: the
      // functions around it are untouched, no need to parse the whole file to know its shape.
      const grow = (r: Span) => (r.start < a && b <= r.end ? { start: r.start, end: r.end + delta } : move(r));
      st = { regions: expected, preamble: model.preamble.map(grow), skeletonErrors: false };
    } else {
      st = this.structure(text);
      if (st.regions.length !== expected.length || st.regions.some((r, k) => r.start !== expected[k].start || r.end !== expected[k].end)) return undefined;
    }
    const skeleton: GoFileFacts = { ...sk, errors: st.skeletonErrors ? 1 : 0 };
    const old = model.skeleton;
    if (sk.buildConstraint !== old.buildConstraint || sk.packageName !== old.packageName || JSON.stringify(sk.vars) !== JSON.stringify(old.vars)
      || JSON.stringify(sk.imports.map((x) => [x.name, x.path])) !== JSON.stringify(old.imports.map((x) => [x.name, x.path]))) return undefined;
    const next = expected.findIndex((r) => r.start >= a); // new coordinates: the function below the edit
    const pieces = model.pieces.map((p, k) => (expected[k].start !== model.regions[k].start ? shifted(p, delta) : p));
    if (next >= 0) {
      const piece = this.piece(text, next, st.regions, st.preamble, skeleton, isTest);
      if (!piece) return undefined;
      pieces[next] = piece;
    }
    return { text, regions: st.regions, preamble: st.preamble, skeleton, pieces, facts: mergeFacts(skeleton, pieces), via: 'skeleton', tainted: model.tainted, splittable: true };
  }

  /** Function `i` read again with every other function (and the preamble) blanked. */
  private piece(text: string, i: number, regions: Span[], preamble: Span[], skeleton: GoFileFacts, isTest: boolean): Piece | undefined {
    const region = regions[i];
    const pf = extractGo(this.backend(), blankExcept(text, region, [...regions.filter((_, k) => k !== i), ...preamble]), isTest);
    if (pf.packageName !== skeleton.packageName || pf.buildConstraint !== skeleton.buildConstraint) return undefined;
    const piece = pieceFrom(pf, region, skeleton.funcs.length);
    // A syntax error already in the skeleton shows in every piece: count it once, there.
    if (piece && skeleton.errors) piece.errors = 0;
    return piece;
  }
}

/**
 * Whether Go text from `start` to `end` closes every comment, string and rune it opens and
 * balances its brackets: then an edit inside it cannot change how the code after it parses.
 */
export function closedAndBalanced(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i);
      if (e < 0) break; // runs to the end of the file
      if (e >= end) return false;
      i = e;
      continue;
    }
    const closes = c === 47 && text.charCodeAt(i + 1) === 42 /* * */ ? blockCommentEnd(text, i)
      : c === 96 /* ` */ || c === 34 /* " */ || c === 39 /* ' */ ? literalEnd(text, i) : undefined;
    if (closes !== undefined) {
      if (closes < 0 || closes > end) return false;
      i = closes - 1;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) { if (--depth < 0) return false; }
  }
  return depth === 0;
}

/** `text` with every span in `blank` turned to spaces (line breaks kept, so offsets and lines stay). */
export function blankExcept(text: string, keep: Span, blank: Span[]): string {
  const spans = blank.filter((s) => s.end <= keep.start || s.start >= keep.end).sort((x, y) => x.start - y.start);
  const out: string[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    out.push(text.slice(pos, s.start), text.slice(s.start, s.end).replace(/[^\r\n]+/g, (m) => ' '.repeat(m.length)));
    pos = s.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}
