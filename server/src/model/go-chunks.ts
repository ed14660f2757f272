// A big Go file is read a few hundred KB of top-level declarations at a time: each piece is parsed
// on its own (behind the file's package clause and imports) and its facts moved to the file's offsets. A
// parse of the whole file holds a tree of tens of bytes per byte of text; a piece's tree is freed
// before the next, so memory follows the facts, not the tree. Where a piece has a syntax error the
// caller reads the file whole (a misjudged boundary must not change the facts).
import { blockCommentEnd, literalEnd } from '../parse/go-lexical';
import type { GoFileFacts, Span } from './facts';
import { renumber } from './renumber-funcs';
import { shiftInPlace } from './shift-offsets';

const NL = 10, SLASH = 47, STAR = 42, QUOTE = 34, BACKQUOTE = 96, APOS = 39;
const DECLARATION = /^(?:func|type|var|const)\b/;

export interface ChunkPlan {
  /** The package clause, imports, the preamble: everything before the first declaration. */
  header: Span;
  /** Runs of whole top-level declarations, each with the comments right above them. */
  chunks: Span[];
}

/**
 * Splits at lines that start (column 0, outside brackets, comments and literals) with a
 * declaration keyword, moved up over the `//` comment lines right above. Undefined when there is
 * no such line (nothing to split).
 */
export function planChunks(text: string, chunkChars: number): ChunkPlan | undefined {
  const starts = declarationStarts(text);
  if (starts.length === 0) return undefined;
  const chunks: Span[] = [];
  let from = starts[0];
  for (const at of starts) {
    if (at - from >= chunkChars) { chunks.push({ start: from, end: at }); from = at; }
  }
  chunks.push({ start: from, end: text.length });
  return { header: { start: 0, end: starts[0] }, chunks };
}

function declarationStarts(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      i++;
      if (depth === 0 && DECLARATION.test(text.slice(i, i + 6))) out.push(withDocComment(text, i));
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = blockCommentEnd(text, i);
      i = end < 0 ? ~end : end;
    } else if (c === QUOTE || c === APOS || c === BACKQUOTE) {
      const end = literalEnd(text, i);
      i = end < 0 ? ~end : end;
    } else {
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
      i++;
    }
  }
  return out;
}

/** The start of the `//` lines directly above `line` (its doc comment and directives), else `line`. */
function withDocComment(text: string, line: number): number {
  let at = line;
  while (at > 0) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    if (!text.startsWith('//', prev)) break;
    at = prev;
  }
  return at;
}

/**
 * Facts of `text` read piece by piece with `extract`; undefined when the file cannot be split or a
 * piece has a syntax error (read it whole then).
 */
export function extractInChunks(text: string, plan: ChunkPlan, extract: (piece: string) => GoFileFacts): GoFileFacts | undefined {
  const first = plan.chunks[0];
  const facts = extract(text.slice(0, first.end));
  if (facts.errors) return undefined;
  // The package clause and imports (what a piece's reading looks up: "C", the name of "log").
  const clause = `package ${facts.packageName || 'p'}\n` + facts.imports.map((i) => `import ${i.name ?? ''} ${JSON.stringify(i.path)}\n`).join('');
  for (const chunk of plan.chunks.slice(1)) {
    const part = extract(clause + text.slice(chunk.start, chunk.end));
    if (part.errors) return undefined;
    const moved = shiftInPlace({ ...part, imports: [], packageName: '', preamble: undefined }, chunk.start - clause.length);
    const base = facts.funcs.length;
    for (const f of moved.funcs) facts.funcs.push(base ? renumber(f, (k) => k + base) : f);
    facts.types.push(...moved.types);
    Object.assign(facts.vars, moved.vars);
    Object.assign(facts.varCalls, moved.varCalls);
    facts.flows.push(...moved.flows);
    facts.linknames.push(...moved.linknames);
    facts.ignores.push(...moved.ignores);
    facts.cValues.push(...moved.cValues);
  }
  return facts;
}
