// web-tree-sitter with the grammars from grammars/ (what the VS Code extension runs: no native
// module). Trees live in wasm memory, so dispose() must delete them.
import { LANGS, type Lang, type ParsedTree, type ParserBackend, type QueryMatch, type SyntaxNode, type TextRange } from './backend';
import { loadGrammarBytes } from './grammars';
import { QuerySet } from './query-set';
import { toTsRanges } from './ranges';

type WasmQuery = { patternCount(): number; matches(n: SyntaxNode): { patternIndex: number; captures: QueryMatch['captures'] }[] };

/** `langs`: the grammars to load (C++'s alone is 3.4 MB of wasm); parsing another language throws. */
export async function createWasmBackend(langs: readonly Lang[] = LANGS): Promise<ParserBackend> {
  const wts = require('web-tree-sitter');
  await wts.Parser.init();
  const languages = {} as Record<Lang, unknown>;
  const parsers = {} as Record<Lang, any>;
  for (const lang of langs) {
    languages[lang] = await wts.Language.load(loadGrammarBytes(lang));
    parsers[lang] = new wts.Parser();
    parsers[lang].setLanguage(languages[lang]);
  }

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
      if (!parsers[lang]) throw new Error(`g0guard: this wasm backend has no ${lang} grammar loaded`);
      const options = ranges ? { includedRanges: toTsRanges(text, ranges) } : undefined;
      const tree = parsers[lang].parse(text, null, options);
      if (!tree) throw new Error(`g0guard: the ${lang} parser returned no tree`);
      querySets[lang]?.reset();
      // The cached query matches hold the tree's nodes: they go with it.
      return { root: tree.rootNode as SyntaxNode, dispose() { querySets[lang]?.reset(); tree.delete(); } };
    },
    matches(lang, name, node) {
      return querySet(lang).matches(name, node);
    },
    matchAll(lang, node) {
      return querySet(lang).all(node);
    },
    compileAllQueries() {
      return langs.flatMap((lang) => querySet(lang).names);
    },
  };
}
