// One parser interface over the two tree-sitter bindings (native addon and wasm). Everything above
// this layer sees only these types, so the two backends must yield identical findings.

export type Lang = 'go' | 'c' | 'cpp';
export const LANGS: Lang[] = ['go', 'c', 'cpp'];
export type BackendName = 'native' | 'wasm';

/** The part of a tree-sitter node both bindings share. Offsets are UTF-16 code units. */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly children: SyntaxNode[];
  readonly namedChildren: SyntaxNode[];
  readonly parent: SyntaxNode | null;
  readonly hasError: boolean;
  readonly isMissing: boolean;
  childForFieldName(name: string): SyntaxNode | null;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  /** The smallest node under this one that spans [start, end). */
  descendantForIndex(start: number, end: number): SyntaxNode | null;
}

/** A span of the source text in UTF-16 offsets; also used for tree-sitter's includedRanges. */
export interface TextRange { start: number; end: number }

export interface Capture { name: string; node: SyntaxNode }
export interface QueryMatch { pattern: number; captures: Capture[] }

export interface ParsedTree {
  readonly root: SyntaxNode;
  /** Frees the tree (wasm trees leak otherwise). The tree must not be used afterwards. */
  dispose(): void;
}

export interface TextEdit { startIndex: number; oldEndIndex: number; newEndIndex: number }

export interface ParserBackend {
  readonly name: BackendName;
  /** Parses `text`; with `ranges`, only those parts (an outline's text around function bodies). */
  parse(lang: Lang, text: string, ranges?: TextRange[]): ParsedTree;
  /** Runs a named query from server/queries/<lang>/<name>.scm. */
  matches(lang: Lang, query: string, node: SyntaxNode): QueryMatch[];
  /** Every query of the language under `node`, by query file name (one pass over the subtree). */
  matchAll(lang: Lang, node: SyntaxNode): Map<string, QueryMatch[]>;
  /** Compiles every query file; throws with the file name on the first that fails. */
  compileAllQueries(): string[];
  /**
   * What reads a big Go file (model/go-chunks.ts), when not this backend. The native addon frees a
   * tree only between turns of the event loop, and a file's pieces are read in one go: their trees
   * would all stay in memory (over 600 MB for 4 MiB of cgo). The wasm parser frees each at once.
   */
  readonly bigFiles?: ParserBackend;
}
