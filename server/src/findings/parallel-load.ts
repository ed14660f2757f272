// The parallel scan: folders go to worker threads one at a time (the next to whoever is free), and
// results are put back in folder order, so the output is the same byte for byte whatever the timing.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config';
import type { FolderFiles } from '../model/discover';
import type { Package } from '../model/package';
import type { BackendName } from '../parse/backend';
import { LineIndex } from '../text/line-index';
import type { WorkerInit, WorkerResult } from './load-worker';

export interface ParallelLoadOptions {
  backend: BackendName;
  config: Config;
  root: string;
  threads: number;
  /** Called after each folder with the number of folders done. */
  progress?: (done: number, total: number) => void;
}

export async function loadFoldersParallel(folders: FolderFiles[], opts: ParallelLoadOptions): Promise<{ packages: Package[]; problems: string[] }> {
  const results: WorkerResult[] = new Array(folders.length);
  let next = 0, done = 0;
  const init: WorkerInit = { backend: opts.backend, config: opts.config, root: opts.root };
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load-worker.js'), { workerData: init });
    const give = () => worker.postMessage(next < folders.length ? { index: next, folder: folders[next++] } : null);
    worker.on('message', (msg: WorkerResult | 'ready') => {
      if (msg !== 'ready') {
        results[msg.index] = msg;
        opts.progress?.(++done, folders.length);
      }
      give();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 || done === folders.length ? resolve() : reject(new Error(`g0guard: scan worker exited with ${code}`))));
  });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.threads, folders.length)) }, runWorker));
  const packages: Package[] = [];
  const problems: string[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    for (const p of r.packages) {
      for (const f of [...p.goFiles, ...p.cFiles]) f.lines = new LineIndex(f.text);
      packages.push(p);
    }
  }
  return { packages, problems };
}
