// Semantic tokens for the C of cgo preambles, so it reads as C rather than one grey comment:
// comments, strings, numbers, keywords and preprocessor directives by lexing, and names by what
// the preamble's unit declares (functions, types, macros, enum constants). Only Go files get
// tokens (C files have their own highlighting), full or for a range, in the negotiated units.
import type { CancellationToken, SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import type { Span } from '../model/facts';
import type { GoFile, Package } from '../model/package';
import { scanTokens, type CodeTokenKind } from '../text/code-tokens';
import type { LineIndex } from '../text/line-index';
import { packageSymbols, type CSiteKind } from './c-symbols';
import type { PositionCodec } from './position-encoding';
import type { Session } from './session';
import { goFileChecked } from './source-at';
import { uriToPath } from './uri';

const TYPES = ['comment', 'string', 'number', 'keyword', 'macro', 'function', 'type', 'struct', 'enum', 'enumMember', 'variable', 'operator'] as const;
type TokenType = (typeof TYPES)[number];
export const TOKEN_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ['declaration'] };

const C_KEYWORDS = new Set(('auto break case const continue default do else enum extern for goto if inline register restrict return sizeof static struct switch ' +
  'typedef union volatile while _Alignas _Alignof _Atomic _Bool _Noreturn _Static_assert _Thread_local __attribute__ __inline__ __restrict__ __extension__').split(' '));
const C_TYPES = new Set(('void char short int long float double signed unsigned bool size_t ssize_t ptrdiff_t intptr_t uintptr_t ' +
  'int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t FILE').split(' '));
const BY_KIND: Record<CSiteKind, TokenType> = {
  function: 'function', prototype: 'function', struct: 'struct', union: 'struct', class: 'struct', enum: 'enum', typedef: 'type',
  enumerator: 'enumMember', variable: 'variable', macro: 'macro',
};

interface Token { start: number; end: number; type: TokenType; declaration: boolean }

export async function semanticTokens(session: Session, params: SemanticTokensParams | SemanticTokensRangeParams, token?: CancellationToken): Promise<SemanticTokens> {
  const file = params?.textDocument?.uri ? uriToPath(params.textDocument.uri) : undefined;
  if (!file?.endsWith('.go')) return { data: [] };
  await session.ready(file, { token, limitMs: 2000 });
  const checked = goFileChecked(session, file);
  // Tokens are only right for the text the check read.
  if (!checked?.go.facts.preamble || checked.go.text !== session.currentText(file)) return { data: [] };
  const { pkg, go } = checked;
  const range = 'range' in params && params.range ? { start: session.codec.offset(go.lines, params.range.start), end: session.codec.offset(go.lines, params.range.end) } : undefined;
  return { data: encode(preambleTokens(pkg, go, range), go.lines, session.codec) };
}

/** The preamble's tokens in order, within `range` when given. */
function preambleTokens(pkg: Package, go: GoFile, range?: Span): Token[] {
  const kinds = new Map<string, CSiteKind>();
  const declared = new Set<number>();
  for (const s of packageSymbols(pkg).sitesSeenFrom(go.path)) {
    if (!kinds.has(s.name) || s.kind === 'function') kinds.set(s.name, s.kind);
    if (s.file.path === go.path) declared.add(s.span.start);
  }
  const out: Token[] = [];
  const text = go.text;
  for (const r of go.facts.preamble!.ranges) {
    if (range && (r.end <= range.start || r.start >= range.end)) continue;
    // The directive of the line being read (`include` makes its header name a string).
    let directive = '', directiveEnd = -1;
    scanTokens(text, 'c', (kind, start, end) => {
      if (start > directiveEnd) directive = '';
      if (kind === 'directive') {
        directive = text.slice(start + 1, end).trim();
        directiveEnd = lineEndAt(text, start);
      }
      if (range && (end <= range.start || start >= range.end)) return;
      const type = typeOf(kind, text.slice(start, end), kinds, directive);
      if (type) out.push({ start, end, type, declaration: declared.has(start) });
    }, r.start, r.end);
  }
  return out;
}

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

function typeOf(kind: CodeTokenKind, word: string, kinds: Map<string, CSiteKind>, directive: string): TokenType | undefined {
  if (directive === 'include' && kind !== 'directive' && kind !== 'comment') return 'string';
  switch (kind) {
    case 'comment': return 'comment';
    case 'string': case 'char': return 'string';
    case 'number': return 'number';
    case 'directive': return 'keyword';
    case 'punct': return 'operator';
    default: {
      const known = kinds.get(word);
      if (known) return BY_KIND[known];
      if (C_KEYWORDS.has(word)) return 'keyword';
      if (C_TYPES.has(word)) return 'type';
      return 'variable';
    }
  }
}

/** LSP's relative encoding: one token per line piece, columns and lengths in the negotiated units. */
function encode(tokens: Token[], lines: LineIndex, codec: PositionCodec): number[] {
  const data: number[] = [];
  let prevLine = 0, prevChar = 0;
  for (const t of tokens) {
    for (let start = t.start; start < t.end;) {
      const line = lines.lineOf(start);
      const end = Math.min(t.end, lines.lineEnd(line));
      if (end > start) {
        const a = codec.position(lines, start), b = codec.position(lines, end);
        data.push(a.line - prevLine, a.line === prevLine ? a.character - prevChar : a.character, b.character - a.character, TYPES.indexOf(t.type), t.declaration ? 1 : 0);
        prevLine = a.line;
        prevChar = a.character;
      }
      if (line + 1 >= lines.lineCount) break;
      start = Math.max(end, lines.lineStart(line + 1));
    }
  }
  return data;
}
