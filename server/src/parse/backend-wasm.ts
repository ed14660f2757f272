// web-tree-sitter with the grammars from grammars/ (what the VS Code extension runs: no native
// module). Trees live in wasm memory, so dispose() must delete them.
import type { Lang, ParsedTree, ParserBackend, QueryMatch, SyntaxNode, TextRange } from './backend';
import { loadGrammarBytes } from './grammars';
import { toTsRanges } from './ranges';
import { queryFiles } from './resources';

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
  const queries = new Map<string, any>();

  function query(lang: Lang, name: string) {
    const key = `${lang}/${name}`;
    let q = queries.get(key);
    if (!q) {
      const file = queryFiles(lang).find((f) => f.name === name);
      if (!file) throw new Error(`g0guard: no query file server/queries/${key}.scm`);
      try { q = new wts.Query(languages[lang], file.source); } catch (e) {
        throw new Error(`g0guard: query ${file.file} does not compile (wasm): ${(e as Error).message}`);
      }
      queries.set(key, q);
    }
    return q;
  }

  return {
    name: 'wasm',
    parse(lang: Lang, text: string, ranges?: TextRange[]): ParsedTree {
      const options = ranges ? { includedRanges: toTsRanges(text, ranges) } : undefined;
      const tree = parsers[lang].parse(text, null, options);
      if (!tree) throw new Error(`g0guard: the ${lang} parser returned no tree`);
      return { root: tree.rootNode as SyntaxNode, dispose() { tree.delete(); } };
    },
    matches(lang, name, node): QueryMatch[] {
      return query(lang, name).matches(node).map((m: any) => ({ pattern: m.patternIndex ?? m.pattern, captures: m.captures }));
    },
    compileAllQueries() {
      const names: string[] = [];
      for (const lang of ['go', 'c'] as Lang[]) for (const f of queryFiles(lang)) { query(lang, f.name); names.push(`${lang}/${f.name}`); }
      return names;
    },
  };
}
