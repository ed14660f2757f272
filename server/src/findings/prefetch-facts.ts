// The parallel scan: worker threads read and parse folders and send back their facts, which go
// into a fact cache; the usual single-threaded load then finds every file there and parses
// nothing. So the output is the same byte for byte whatever thread read what. Workers get the
// biggest folders first, a few queued each; this thread reads the smallest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config';
import type { FolderFiles } from '../model/discover';
import type { CViewSet } from '../model/c-units';
import { compactGoFacts } from '../model/compact-facts';
import { sharingFor } from '../model/extract-go';
import type { GoFileFacts } from '../model/facts';
import { loadFolder, type CachedFacts, type FactCache, type LoadOptions } from '../model/package';
import type { BackendName } from '../parse/backend';

export interface PrefetchOptions {
  backend: BackendName;
  config: Config;
  root: string;
  /** Worker threads to start. */
  workers: number;
  /** Where full and C facts go, and outline facts (LoadOptions.outlineCache). */
  cache: FactCache;
  outlineCache: FactCache;
  /** When given, this thread reads folders too, with these options. */
  local?: LoadOptions;
  /** Called after each folder with the number of folders done. */
  progress?: (done: number, total: number) => void;
  /** Checked before each folder is handed out: true stops the scan. */
  cancelled?: () => boolean;
}

export interface WorkerInit { backend: BackendName; config: Config; root: string }
export interface WorkerTask { folder: FolderFiles }
/** Facts as one JSON text: its parse costs this thread a third of what a structured clone does. */
export interface WorkerResult { files: string[]; texts: string[]; facts: string }

/** Every file a folder load reads, with its facts. Problems are left to the load that follows. */
export function readFolderFacts(folder: FolderFiles, opts: LoadOptions): [string, CachedFacts][] {
  const cache: FactCache = new Map(), outlineCache: FactCache = new Map();
  try {
    loadFolder(folder, { ...opts, cache, outlineCache, problem: () => undefined });
  } catch {
    // The load that follows meets the same error and reports it.
  }
  return [...cache, ...outlineCache];
}

/** Folders queued per worker, so it has work while this thread is busy with one of its own. */
const IN_FLIGHT = 4;

/** Rejects when a worker fails; whatever was stored stays valid, and a normal load does the rest. */
export async function prefetchFacts(folders: FolderFiles[], opts: PrefetchOptions): Promise<void> {
  const order = biggestFirst(folders);
  let next = 0, last = order.length, done = 0;
  // Workers take from the big end; this thread from the small end, so it is back soon to hand out more.
  const take = (small = false): FolderFiles | undefined => (next < last && !opts.cancelled?.() ? (small ? order[--last] : order[next++]) : undefined);
  const finished = () => opts.progress?.(++done, order.length);
  const store = (file: string, entry: CachedFacts) => ((entry.facts as GoFileFacts).outline ? opts.outlineCache : opts.cache).set(file, entry);

  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'fact-worker.js'), { workerData: { backend: opts.backend, config: opts.config, root: opts.root } satisfies WorkerInit });
    let inFlight = 0, stopping = false;
    const give = () => {
      const folder = take();
      if (folder) { inFlight++; worker.postMessage({ folder } satisfies WorkerTask); } else if (inFlight === 0 && !stopping) { stopping = true; void worker.terminate().then(() => resolve()); }
    };
    worker.on('message', (msg: WorkerResult | 'ready') => {
      if (msg === 'ready') { for (let k = 0; k < IN_FLIGHT; k++) give(); return; }
      inFlight--;
      const facts = JSON.parse(msg.facts) as (GoFileFacts | CViewSet)[];
      msg.files.forEach((file, k) => store(file, { text: msg.texts[k], facts: 'funcs' in facts[k] ? compactGoFacts(facts[k] as GoFileFacts, sharingFor(msg.texts[k])) : facts[k] }));
      finished();
      give();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (!stopping) reject(new Error(`g0guard: a scan worker exited with code ${code}`)); });
  });

  const runHere = async (local: LoadOptions) => {
    for (let folder = take(true); folder; folder = take(true)) {
      for (const [file, entry] of readFolderFacts(folder, local)) store(file, entry);
      finished();
      await new Promise((resolve) => setImmediate(resolve)); // lets the workers' results in
    }
  };

  const runners = Array.from({ length: Math.min(opts.workers, order.length) }, runWorker);
  if (opts.local) runners.push(runHere(opts.local));
  await Promise.all(runners);
}

/** Folders by the size of their Go files, biggest first: the last to finish are then small. */
function biggestFirst(folders: FolderFiles[]): FolderFiles[] {
  const size = (f: FolderFiles) => f.goFiles.reduce((n, file) => { try { return n + fs.statSync(file).size; } catch { return n; } }, 0);
  return folders.map((f) => ({ f, bytes: size(f) })).sort((a, b) => b.bytes - a.bytes).map((x) => x.f);
}
