// The native tree-sitter addon (fast on Node, unusable inside VS Code's Electron: the extension
// uses the wasm backend). bufferSize is sized to the input, or the binding re-slices the text.
import { LANGS, type Lang, type ParsedTree, type ParserBackend, type QueryMatch, type SyntaxNode, type TextRange } from './backend';
import { QuerySet } from './query-set';
import { toTsRanges } from './ranges';

type NativeParser = { setLanguage(l: unknown): void; parse(t: string, old: unknown, o: object): { rootNode: SyntaxNode } };
type NativeQuery = { predicates: unknown[]; matches(n: SyntaxNode): { pattern: number; captures: QueryMatch['captures'] }[] };

/** `bigFiles` reads big Go files (ParserBackend.bigFiles). */
export function createNativeBackend(bigFiles?: ParserBackend): ParserBackend {
  const Parser = require('tree-sitter');
  const languages: Record<Lang, unknown> = { go: require('tree-sitter-go'), c: require('tree-sitter-c'), cpp: require('tree-sitter-cpp') };
  const parsers = {} as Record<Lang, NativeParser>;
  for (const lang of LANGS) { parsers[lang] = new Parser(); parsers[lang].setLanguage(languages[lang]); }

  const compile = (lang: Lang, source: string, file: string): NativeQuery => {
    try {
      return new Parser.Query(languages[lang], source);
    } catch (e) {
      throw new Error(`g0guard: query ${file} does not compile (native): ${(e as Error).message}`);
    }
  };
  const querySets = {} as Record<Lang, QuerySet>;
  const querySet = (lang: Lang) => (querySets[lang] ??= new QuerySet(
    lang,
    (source, file) => {
      const q = compile(lang, source, file);
      return { matches: (n) => q.matches(n).map((m) => ({ pattern: m.pattern, captures: m.captures })) };
    },
    (source, file) => compile(lang, source, file).predicates.length, // one predicate list per pattern
  ));

  return {
    name: 'native',
    bigFiles,
    parse(lang: Lang, text: string, ranges?: TextRange[]): ParsedTree {
      const options: Record<string, unknown> = { bufferSize: text.length + 16 };
      if (ranges) options.includedRanges = toTsRanges(text, ranges);
      const tree = parsers[lang].parse(text, null, options);
      querySets[lang]?.reset();
      // The tree is the GC's; the cached query matches would keep its nodes alive until the next parse.
      return { root: tree.rootNode, dispose() { querySets[lang]?.reset(); } };
    },
    matches(lang, name, node) {
      return querySet(lang).matches(name, node);
    },
    matchAll(lang, node) {
      return querySet(lang).all(node);
    },
    compileAllQueries() {
      return LANGS.flatMap((lang) => querySet(lang).names);
    },
  };
}
