// The native tree-sitter addon (fast on Node, unusable inside VS Code's Electron: the extension
// uses the wasm backend). bufferSize is sized to the input, or the binding re-slices the text.
import type { Lang, ParsedTree, ParserBackend, QueryMatch, SyntaxNode, TextRange } from './backend';
import { toTsRanges } from './ranges';
import { queryFiles } from './resources';

/* eslint-disable @typescript-eslint/no-var-requires */
type NativeParser = { setLanguage(l: unknown): void; parse(t: string, old: unknown, o: object): { rootNode: SyntaxNode } };

export function createNativeBackend(): ParserBackend {
  const Parser = require('tree-sitter');
  const languages: Record<Lang, unknown> = { go: require('tree-sitter-go'), c: require('tree-sitter-c') };
  const parsers: Record<Lang, NativeParser> = { go: new Parser(), c: new Parser() };
  parsers.go.setLanguage(languages.go);
  parsers.c.setLanguage(languages.c);
  const queries = new Map<string, { matches(n: SyntaxNode): { pattern: number; captures: QueryMatch['captures'] }[] }>();

  function query(lang: Lang, name: string) {
    const key = `${lang}/${name}`;
    let q = queries.get(key);
    if (!q) {
      const file = queryFiles(lang).find((f) => f.name === name);
      if (!file) throw new Error(`g0guard: no query file server/queries/${key}.scm`);
      try { q = new Parser.Query(languages[lang], file.source); } catch (e) {
        throw new Error(`g0guard: query ${file.file} does not compile (native): ${(e as Error).message}`);
      }
      queries.set(key, q!);
    }
    return q!;
  }

  return {
    name: 'native',
    parse(lang: Lang, text: string, ranges?: TextRange[]): ParsedTree {
      const options: Record<string, unknown> = { bufferSize: text.length + 16 };
      if (ranges) options.includedRanges = toTsRanges(text, ranges);
      const tree = parsers[lang].parse(text, null, options);
      return { root: tree.rootNode, dispose() { /* collected by the GC */ } };
    },
    matches(lang, name, node) {
      return query(lang, name).matches(node).map((m) => ({ pattern: m.pattern, captures: m.captures }));
    },
    compileAllQueries() {
      const names: string[] = [];
      for (const lang of ['go', 'c'] as Lang[]) for (const f of queryFiles(lang)) { query(lang, f.name); names.push(`${lang}/${f.name}`); }
      return names;
    },
  };
}
