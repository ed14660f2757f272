// The parallel scan: worker threads read and parse folders and send back their facts, which go
// into a fact cache; the usual single-threaded load then finds every file there and parses
// nothing. So the output is the same byte for byte whatever thread read what. Folders are handed
// out biggest first, two in flight per worker so none waits while this thread is busy.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config';
import type { FolderFiles } from '../model/discover';
import type { CUnitFacts, GoFileFacts } from '../model/facts';
import { loadFolder, type FactCache, type LoadOptions } from '../model/package';
import type { BackendName } from '../parse/backend';

export interface PrefetchOptions {
  backend: BackendName;
  config: Config;
  root: string;
  /** Worker threads to start. */
  workers: number;
  /** Where each file's facts go (the language server keeps outline facts apart). */
  store: (file: string, entry: { text: string; facts: GoFileFacts | CUnitFacts }) => void;
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
export function readFolderFacts(folder: FolderFiles, opts: LoadOptions): FactCache {
  const cache: FactCache = new Map();
  try {
    loadFolder(folder, { ...opts, cache, problem: () => undefined });
  } catch {
    // The load that follows meets the same error and reports it.
  }
  return cache;
}

/** Rejects when a worker fails; whatever was stored stays valid, and a normal load does the rest. */
export async function prefetchFacts(folders: FolderFiles[], opts: PrefetchOptions): Promise<void> {
  const order = biggestFirst(folders);
  let next = 0, done = 0;
  const take = (): FolderFiles | undefined => (next < order.length && !opts.cancelled?.() ? order[next++] : undefined);
  const finished = () => opts.progress?.(++done, order.length);

  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'fact-worker.js'), { workerData: { backend: opts.backend, config: opts.config, root: opts.root } satisfies WorkerInit });
    let inFlight = 0, stopping = false;
    const give = () => {
      const folder = take();
      if (folder) { inFlight++; worker.postMessage({ folder } satisfies WorkerTask); } else if (inFlight === 0 && !stopping) { stopping = true; void worker.terminate().then(() => resolve()); }
    };
    worker.on('message', (msg: WorkerResult | 'ready') => {
      if (msg === 'ready') { give(); give(); return; }
      inFlight--;
      const facts = JSON.parse(msg.facts) as (GoFileFacts | CUnitFacts)[];
      msg.files.forEach((file, k) => opts.store(file, { text: msg.texts[k], facts: facts[k] }));
      finished();
      give();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (!stopping) reject(new Error(`g0guard: a scan worker exited with code ${code}`)); });
  });

  const runHere = async (local: LoadOptions) => {
    for (let folder = take(); folder; folder = take()) {
      for (const [file, entry] of readFolderFacts(folder, local)) opts.store(file, entry);
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
