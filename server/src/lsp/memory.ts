// A diagnostic aid outside LSP: the `g0guard/memory` request answers the server process's memory
// (process.memoryUsage()) and the sizes of the session's tables, so a leak can be watched from
// outside; `npm run soak` (test/soak/soak.ts) samples it. With `{ "gc": true }` and node started
// with --expose-gc, garbage is collected first, so heapUsed is what the server keeps.
import type { Session } from './session';

export const MEMORY_REQUEST = 'g0guard/memory';

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory outside the JS heap: includes web-tree-sitter's wasm memory (where trees live). */
  external: number;
  arrayBuffers: number;
  /** Whether garbage was collected before measuring. */
  collected: boolean;
  tables: Record<string, number>;
}

export function memoryReport(session: Session, params: { gc?: boolean } | undefined): MemoryReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  const collected = !!params?.gc && typeof gc === 'function';
  if (collected) gc!();
  const m = process.memoryUsage();
  const roots = session.roots.all();
  const sum = (f: (r: (typeof roots)[number]) => number) => roots.reduce((n, r) => n + f(r), 0);
  return {
    rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, collected,
    tables: {
      openDocuments: session.docs.all().length,
      factCache: session.cache.size,
      outlineCache: session.outlineCache.size,
      roots: roots.length,
      folders: sum((r) => r.folders.size),
      packages: sum((r) => r.allPackages().length),
      componentResults: sum((r) => r.componentResults.size),
      fileResults: sum((r) => r.fileResults.size),
      readers: sum((r) => r.readers.size),
    },
  };
}
