// Background indexing: loads every folder of the workspace roots in slices of a few milliseconds,
// yielding to the event loop between slices so requests and edits are served meanwhile, and
// reports work-done progress ($/progress). A big root is parsed on worker threads first. At the end
// one check publishes diagnostics for every file, open or not. A new indexing request cancels the
// one under way.
import * as os from 'node:os';
import type { Connection } from 'vscode-languageserver';
import { PARALLEL_MIN_FILES } from '../findings/analyze';
import { prefetchFacts } from '../findings/prefetch-facts';
import { loadDir } from './analysis';
import type { Session } from './session';
import type { Root } from './workspace';

/** Work per slice before yielding: keeps a keystroke's wait behind indexing under this. */
const SLICE_MS = 12;

export class Indexer {
  private run = 0;
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly connection: Connection, private readonly session: Session) {}

  /** Indexes `roots` (again); resolves when this request is done or superseded. */
  start(roots: Root[]): Promise<void> {
    const id = ++this.run;
    for (const root of roots) {
      root.indexed = false;
      root.packages.clear();
      root.folders.clear();
      root.dirty.clear();
      root.pending.clear();
      root.rediscover(this.session.roots.nestedIn(root));
      // Open documents' folders first: the next check reads them, not the end of the index.
      for (const doc of this.session.docs.all()) if (root.contains(doc.path)) root.touch(doc.path);
      this.session.markStale(root);
    }
    this.current = this.index(id, roots).catch((e) => this.session.log.error(`indexing failed: ${(e as Error)?.stack ?? e}`));
    return this.current;
  }

  /** Resolves when no indexing is under way. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.current) { seen = this.current; await seen; }
  }

  private async index(id: number, roots: Root[]): Promise<void> {
    const total = roots.reduce((n, r) => n + r.pending.size, 0);
    const progress = await this.progress();
    progress.begin('g0guard', 0, `indexing ${total} folder${total === 1 ? '' : 's'}`, false);
    // Never backwards: after a parallel parse, the loads that follow catch up from below.
    let shown = 0;
    const report = (folders: number, message: string) => { shown = Math.max(shown, total ? Math.floor((folders / total) * 100) : 100); progress.report(shown, message); };
    const t0 = performance.now();
    let done = 0;
    try {
      for (const root of roots) {
        await this.parseInParallel(id, root, (n, of, threads) => report(done + n, `parsing ${n}/${of} folders on ${threads} threads`));
        while (root.pending.size) {
          if (id !== this.run) return;
          const sliceStart = performance.now();
          while (root.pending.size && performance.now() - sliceStart < SLICE_MS) {
            const dir = root.pending.values().next().value as string;
            root.pending.delete(dir);
            loadDir(root, dir, this.session.env);
            done++;
          }
          report(done, `${done}/${total} folders`);
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (id !== this.run) return;
        root.indexed = true;
        this.session.markStale(root);
      }
      progress.report(100, 'checking');
      // Check now (not after the debounce) so the end of progress means diagnostics are out.
      this.session.scheduler.runNow();
      this.session.log.info(`indexed ${done} folders in ${(performance.now() - t0).toFixed(0)} ms`);
    } finally {
      progress.done();
    }
  }

  /**
   * A big root's files are parsed on worker threads first (prefetch-facts.ts), into the caches
   * where the loads that follow find them. This thread stays free for requests and edits.
   */
  private async parseInParallel(id: number, root: Root, progress: (done: number, of: number, threads: number) => void): Promise<void> {
    const folders = [...root.pending].flatMap((d) => root.folders.get(d) ?? []);
    const files = folders.reduce((n, f) => n + f.goFiles.length, 0);
    const threads = os.availableParallelism();
    if (threads < 2 || files < PARALLEL_MIN_FILES || !this.session.backend) return;
    const env = this.session.env;
    const t0 = performance.now();
    try {
      await prefetchFacts(folders, {
        backend: this.session.backend.name, config: root.config, root: root.dir, workers: threads,
        cache: env.cache, outlineCache: env.outlineCache,
        progress: (n, of) => progress(n, of, threads),
        cancelled: () => id !== this.run,
      });
      this.session.log.info(`parsed ${files} Go files of ${root.dir} on ${threads} threads in ${(performance.now() - t0).toFixed(0)} ms`);
    } catch (e) {
      this.session.log.warn(`parallel parse of ${root.dir} failed, going on with one thread: ${(e as Error)?.stack ?? e}`);
    }
  }

  private async progress() {
    const none = { begin() { /* no progress */ }, report() { /* no progress */ }, done() { /* no progress */ } };
    try {
      // A client that never answers window/workDoneProgress/create must not stall indexing.
      const reporter = await Promise.race([
        this.connection.window.createWorkDoneProgress(),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000)),
      ]);
      return reporter ?? none;
    } catch {
      return none;
    }
  }
}
