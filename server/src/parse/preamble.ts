// Finds the cgo preamble exactly as cmd/cgo does: the doc comment of the "C" import spec or, when
// that is absent and the declaration has one spec, the declaration's doc comment. Returns the C
// text as ranges of the Go file (comment markers and #cgo lines left out), so the C parser's nodes
// keep their true Go-file offsets.
import type { SyntaxNode, TextRange } from './backend';
import { pushRange } from './ranges';

export interface Preamble {
  /** The "C" import spec. */
  importSpan: TextRange;
  /** The comment nodes of the preamble. */
  comments: TextRange[];
  /** What the C parser reads: comment bodies without markers and #cgo lines. */
  cRanges: TextRange[];
  /** The `#cgo` lines (flags for every C unit of the package). */
  cgoLines: TextRange[];
}

export function findPreambles(root: SyntaxNode, text: string): Preamble[] {
  const found: Preamble[] = [];
  for (const decl of root.namedChildren) {
    if (decl.type !== 'import_declaration') continue;
    const list = decl.namedChildren.find((n) => n.type === 'import_spec_list');
    const specs = list ? list.namedChildren.filter((n) => n.type === 'import_spec') : decl.namedChildren.filter((n) => n.type === 'import_spec');
    for (const spec of specs) {
      const path = spec.childForFieldName('path');
      if (!path || path.text !== '"C"') continue;
      let doc = list ? docComments(list.namedChildren, spec, text) : [];
      if (doc.length === 0 && specs.length === 1) doc = docComments(root.namedChildren, decl, text);
      const cgoLines: TextRange[] = [];
      found.push({
        importSpan: { start: spec.startIndex, end: spec.endIndex },
        comments: doc.map((c) => ({ start: c.startIndex, end: c.endIndex })),
        cRanges: doc.flatMap((c) => commentCRanges(c, text, cgoLines)),
        cgoLines,
      });
    }
  }
  return found;
}

/** The comment group that ends on the line just above `node` and starts on a line of its own. */
function docComments(siblings: SyntaxNode[], node: SyntaxNode, text: string): SyntaxNode[] {
  // Node objects are not identity-stable in web-tree-sitter: compare offsets.
  const at = siblings.findIndex((n) => n.startIndex === node.startIndex && n.endIndex === node.endIndex);
  const group: SyntaxNode[] = [];
  let next = node.startIndex;
  for (let i = at - 1; i >= 0; i--) {
    const c = siblings[i];
    if (c.type !== 'comment' || newlines(text, c.endIndex, next) > 1) break;
    if (group.length === 0 && newlines(text, c.endIndex, next) === 0) break; // `/* x */ import "C"` on one line is not a doc comment
    group.unshift(c);
    next = c.startIndex;
  }
  if (group.length === 0) return group;
  // A comment that trails code on its line belongs to that code (go/parser's line comment).
  const before = at - group.length - 1;
  if (before >= 0 && newlines(text, siblings[before].endIndex, group[0].startIndex) === 0) group.shift();
  return group;
}

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch !== 32 && ch !== 9 && ch !== 13) return 99; // code in between: not adjacent
  }
  return n;
}

function commentCRanges(comment: SyntaxNode, text: string, cgoLines: TextRange[]): TextRange[] {
  const block = text.startsWith('/*', comment.startIndex);
  let start = comment.startIndex + 2;
  let end = block ? comment.endIndex - 2 : comment.endIndex;
  if (!block) end = lineBreakEnd(text, end); // keep the newline: it ends C preprocessor lines
  const ranges: TextRange[] = [];
  // Split into lines so that #cgo lines can be left out.
  while (start < end) {
    let lineEnd = text.indexOf('\n', start);
    lineEnd = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    if (/^[ \t]*#cgo\b/.test(text.slice(start, Math.min(lineEnd, start + 64)))) cgoLines.push({ start, end: lineEnd });
    else pushRange(ranges, start, lineEnd);
    start = lineEnd;
  }
  return ranges;
}

function lineBreakEnd(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  if (text.charCodeAt(at) === 10) return at + 1;
  return at;
}
