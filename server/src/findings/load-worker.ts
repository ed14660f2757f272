// A worker thread of the parallel scan: parses the folders it is handed and sends back their
// packages as plain data (texts and facts; line indexes are rebuilt by the receiver).
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/config';
import type { FolderFiles } from '../model/discover';
import { loadFolder, type Package } from '../model/package';
import type { BackendName } from '../parse/backend';
import { createBackend } from '../parse/create-backend';
import { loadOptionsFor } from './analyze';

export interface WorkerInit { backend: BackendName; config: Config; root: string }
export interface WorkerTask { index: number; folder: FolderFiles }
export interface WorkerResult { index: number; packages: Package[]; problems: string[] }

async function serve(): Promise<void> {
  const init = workerData as WorkerInit;
  const backend = await createBackend(init.backend);
  parentPort!.on('message', (task: WorkerTask | null) => {
    if (task === null) { parentPort!.close(); return; }
    const problems: string[] = [];
    let packages: Package[] = [];
    try {
      packages = loadFolder(task.folder, loadOptionsFor({ backend, config: init.config, paths: [] }, init.root, problems));
    } catch (e) {
      problems.push(`internal error reading ${task.folder.dir}: ${(e as Error).stack ?? e}`);
    }
    for (const p of packages) for (const f of [...p.goFiles, ...p.cFiles]) (f as { lines?: unknown }).lines = undefined;
    parentPort!.postMessage({ index: task.index, packages, problems } satisfies WorkerResult);
  });
  parentPort!.postMessage('ready');
}

void serve();
