// The C names a package declares, where: function definitions, prototypes, records, enums and
// their constants, typedefs, variables and macros of every view its units read (preambles, .c/.cc
// files, workspace headers; system headers are never read). Built on first use per package and
// kept while the package is (a WeakMap): definition, references, completion, signature help,
// preamble highlighting and document symbols all look names up here.
import type { CSymbolKind } from '../model/c-facts';
import type { CView } from '../model/c-units';
import type { Span } from '../model/facts';
import type { GoFile, Package, SourceFile } from '../model/package';
import { DEFINE_LINE } from '../parse/preprocess';
import { listAt } from '../util/list-at';

export type CSiteKind = CSymbolKind | 'function' | 'macro';

export interface CSymbolSite {
  name: string;
  kind: CSiteKind;
  file: SourceFile;
  /** The name. */
  span: Span;
  /** The whole declaration (a function's with its body). */
  decl: Span;
  view: CView;
  /** A static function: other units cannot call it. */
  isStatic: boolean;
}

export class PackageSymbols {
  readonly byName = new Map<string, CSymbolSite[]>();
  readonly byView = new Map<CView, CSymbolSite[]>();

  constructor(readonly pkg: Package) {
    for (const view of pkg.cViews) {
      const sites: CSymbolSite[] = [];
      const add = (s: Omit<CSymbolSite, 'file' | 'view'>) => sites.push({ ...s, file: view.file, view });
      for (const f of view.facts.funcs) {
        if (f.role === 'lambda' || !f.name) continue;
        add({ name: f.name, kind: 'function', span: f.nameSpan, decl: f.span, isStatic: f.isStatic });
      }
      for (const s of view.facts.symbols ?? []) add({ ...s, isStatic: false });
      for (const m of macrosIn(view.file, preambleRanges(pkg, view.file))) add({ ...m, kind: 'macro', isStatic: false });
      sites.sort((a, b) => a.span.start - b.span.start);
      this.byView.set(view, sites);
      for (const s of sites) listAt(this.byName, s.name).push(s);
    }
  }

  /** The views a file's unit reads: a Go file's preamble and its headers, or every unit that reads a C file. */
  viewsSeenFrom(file: string): CView[] {
    const out = new Set<CView>();
    for (const unit of this.pkg.cUnits) {
      if (unit.main.path === file || unit.views.some((v) => v.file.path === file)) for (const v of unit.views) out.add(v);
    }
    return [...out];
  }

  /** Every site of the views a file's unit reads (what its code can name). */
  sitesSeenFrom(file: string): CSymbolSite[] {
    return this.viewsSeenFrom(file).flatMap((v) => this.byView.get(v) ?? []);
  }

  /** The sites named `name` of the given kinds; `visible` first, then non-static functions of any unit. */
  lookup(name: string, kinds: ReadonlySet<CSiteKind>, visible: CView[]): CSymbolSite[] {
    const all = (this.byName.get(name) ?? []).filter((s) => kinds.has(s.kind));
    const seen = new Set(visible);
    const inView = all.filter((s) => seen.has(s.view));
    const linked = all.filter((s) => !seen.has(s.view) && s.kind === 'function' && !s.isStatic);
    const found = [...linked, ...inView];
    // Definitions before declarations: that is where "go to definition" should land first.
    return found.sort((a, b) => rank(a) - rank(b));
  }
}

const cache = new WeakMap<Package, PackageSymbols>();

export function packageSymbols(pkg: Package): PackageSymbols {
  let s = cache.get(pkg);
  if (!s) cache.set(pkg, (s = new PackageSymbols(pkg)));
  return s;
}

/** Kinds a Go `C.name` can mean without a prefix, and the prefixes cgo gives tags. */
export const ORDINARY: ReadonlySet<CSiteKind> = new Set(['function', 'prototype', 'typedef', 'enumerator', 'macro', 'variable']);
const TAG_PREFIX: Record<string, CSiteKind[]> = { struct_: ['struct', 'class'], union_: ['union'], enum_: ['enum'] };

/** What `C.<goName>` names in C: `C.struct_x` is the tag x, `C.sizeof_T` is about T. */
export function cgoTarget(goName: string): { name: string; kinds: ReadonlySet<CSiteKind> } {
  const name = goName.startsWith('sizeof_') ? goName.slice(7) : goName;
  for (const [prefix, kinds] of Object.entries(TAG_PREFIX)) {
    if (name.startsWith(prefix) && name.length > prefix.length) return { name: name.slice(prefix.length), kinds: new Set(kinds) };
  }
  return { name, kinds: ORDINARY };
}

/** Whether the name starting at `start` of Go text is selected from `C` (`C.name`, not `x.C.name`'s `C`). */
export function isCgoSelected(text: string, start: number): boolean {
  return text.startsWith('C.', start - 2) && !/\w/.test(text[start - 3] ?? '');
}

/** The tag keyword right before a C name (`struct` of `struct node`), if any. */
export function tagKeywordBefore(text: string, start: number): 'struct' | 'union' | 'enum' | 'class' | undefined {
  return /\b(struct|union|enum|class)\s+$/.exec(text.slice(Math.max(0, start - 16), start))?.[1] as 'struct' | 'union' | 'enum' | 'class' | undefined;
}

/** How Go code names a C site (`C.struct_x`), or undefined when it cannot (C++ classes, anonymous types). */
export function cgoNameOf(site: CSymbolSite): string | undefined {
  if (site.name.startsWith('<') || site.name.includes('::')) return undefined;
  switch (site.kind) {
    case 'struct': return `struct_${site.name}`;
    case 'union': return `union_${site.name}`;
    case 'enum': return `enum_${site.name}`;
    case 'class': return undefined;
    default: return site.name;
  }
}

/** The declaration as one line (`int visit(struct node *n, int depth)`), for details and signatures. */
export function declarationText(site: CSymbolSite, max = 160): string {
  let text = site.file.text.slice(site.decl.start, site.decl.end);
  // A body is not part of the signature: up to the `{` of a function, record or enum.
  if (site.kind === 'function' || site.kind === 'struct' || site.kind === 'union' || site.kind === 'class' || site.kind === 'enum') {
    const body = text.indexOf('{', site.span.end - site.decl.start);
    if (body > 0) text = text.slice(0, body);
  }
  text = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ').replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').replace(/\s*;\s*$/, '').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function rank(s: CSymbolSite): number {
  return s.kind === 'function' ? 0 : s.kind === 'prototype' ? 2 : 1;
}

/** The preamble's C ranges when `file` is a Go file of the package, else undefined (the whole file is C). */
export function preambleRanges(pkg: Package, file: SourceFile): Span[] | undefined {
  if (!file.path.endsWith('.go')) return undefined;
  return (pkg.goFiles.find((g) => g.path === file.path) as GoFile | undefined)?.facts.preamble?.ranges ?? [];
}

/** `#define NAME …` lines of the text, or of its ranges. */
function macrosIn(file: SourceFile, ranges: Span[] | undefined): { name: string; span: Span; decl: Span }[] {
  const out: { name: string; span: Span; decl: Span }[] = [];
  for (const r of ranges ?? [{ start: 0, end: file.text.length }]) {
    const part = file.text.slice(r.start, r.end);
    if (!part.includes('define')) continue;
    for (const m of part.matchAll(DEFINE_LINE)) {
      const start = r.start + m.index! + m[0].length - m[1].length;
      let end = file.text.indexOf('\n', start);
      while (end > 0 && file.text.charCodeAt(end - 1 - (file.text.charCodeAt(end - 1) === 13 ? 1 : 0)) === 92) end = file.text.indexOf('\n', end + 1);
      out.push({ name: m[1], span: { start, end: start + m[1].length }, decl: { start: r.start + m.index!, end: Math.min(end < 0 ? file.text.length : end, r.end) } });
    }
  }
  return out;
}
