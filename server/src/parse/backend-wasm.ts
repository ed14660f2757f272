// web-tree-sitter with the grammars from grammars/ (what the VS Code extension runs: no native
// module). Trees live in wasm memory, so dispose() must delete them.
import type { Lang, ParsedTree, ParserBackend, QueryMatch, SyntaxNode, TextRange } from './backend';
import { loadGrammarBytes } from './grammars';
import { QuerySet } from './query-set';
import { toTsRanges } from './ranges';

type WasmQuery = { patternCount(): number; matches(n: SyntaxNode): { patternIndex: number; captures: QueryMatch['captures'] }[] };

export async function createWasmBackend(): Promise<ParserBackend> {
  const wts = require('web-tree-sitter');
  await wts.Parser.init();
  const languages: Record<Lang, unknown> = {
    go: await wts.Language.load(loadGrammarBytes('go')),
    c: await wts.Language.load(loadGrammarBytes('c')),
  };
  const parsers: Record<Lang, any> = { go: new wts.Parser(), c: new wts.Parser() };
  parsers.go.setLanguage(languages.go);
  parsers.c.setLanguage(languages.c);

  const compile = (lang: Lang, source: string, file: string): WasmQuery => {
    try {
      return new wts.Query(languages[lang], source);
    } catch (e) {
      throw new Error(`g0guard: query ${file} does not compile (wasm): ${(e as Error).message}`);
    }
  };
  const querySets = {} as Record<Lang, QuerySet>;
  const querySet = (lang: Lang) => (querySets[lang] ??= new QuerySet(
    lang,
    (source, file) => {
      const q = compile(lang, source, file);
      return { matches: (n) => q.matches(n).map((m) => ({ pattern: m.patternIndex, captures: m.captures })) };
    },
    (source, file) => compile(lang, source, file).patternCount(),
  ));

  return {
    name: 'wasm',
    parse(lang: Lang, text: string, ranges?: TextRange[]): ParsedTree {
      const options = ranges ? { includedRanges: toTsRanges(text, ranges) } : undefined;
      const tree = parsers[lang].parse(text, null, options);
      if (!tree) throw new Error(`g0guard: the ${lang} parser returned no tree`);
      querySets[lang]?.reset();
      return { root: tree.rootNode as SyntaxNode, dispose() { tree.delete(); } };
    },
    matches(lang, name, node) {
      return querySet(lang).matches(name, node);
    },
    compileAllQueries() {
      return (['go', 'c'] as Lang[]).flatMap((lang) => querySet(lang).names);
    },
  };
}
