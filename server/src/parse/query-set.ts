// All .scm files of one language compiled as ONE query, run once per tree, its matches handed out
// per file by pattern index. A query pass costs a walk of the whole tree (about 40% of a parse on
// Go's own src), so one pass instead of one per file is what keeps the check near the parse floor.
import type { Lang, QueryMatch, SyntaxNode } from './backend';
import { queryFiles } from './resources';
import { listAt } from '../util/list-at';

export interface CompiledQuery { matches(node: SyntaxNode): QueryMatch[] }

export class QuerySet {
  private readonly query: CompiledQuery;
  /** Pattern index → query file name. */
  private readonly owner: string[] = [];
  readonly names: string[];
  private last?: { start: number; end: number; byName: Map<string, QueryMatch[]> };

  constructor(lang: Lang, compile: (source: string, file: string) => CompiledQuery, countPatterns: (source: string, file: string) => number) {
    const files = queryFiles(lang);
    this.names = files.map((f) => `${lang}/${f.name}`);
    for (const f of files) {
      const n = countPatterns(f.source, f.file);
      for (let i = 0; i < n; i++) this.owner.push(f.name);
    }
    this.query = compile(files.map((f) => f.source).join('\n'), files.map((f) => f.file).join(', '));
  }

  /** Forgets the cached matches: called whenever the backend parses a new tree of this language. */
  reset(): void { this.last = undefined; }

  matches(name: string, node: SyntaxNode): QueryMatch[] {
    if (!this.owner.includes(name)) throw new Error(`g0guard: no query file server/queries/${name}.scm`);
    return this.all(node).get(name) ?? [];
  }

  /** Every query file's matches under `node`, by file name (one pass of the combined query). */
  all(node: SyntaxNode): Map<string, QueryMatch[]> {
    if (!this.last || this.last.start !== node.startIndex || this.last.end !== node.endIndex) {
      const byName = new Map<string, QueryMatch[]>();
      for (const m of this.query.matches(node)) {
        listAt(byName, this.owner[m.pattern]).push(m);
      }
      this.last = { start: node.startIndex, end: node.endIndex, byName };
    }
    return this.last.byName;
  }
}
