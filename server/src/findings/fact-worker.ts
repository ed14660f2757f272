// A worker thread of the parallel scan (prefetch-facts.ts): reads the folders it is handed and
// sends back each file's text and facts.
import { parentPort, workerData } from 'node:worker_threads';
import { createBackend } from '../parse/create-backend';
import { loadOptionsFor } from './analyze';
import { readFolderFacts, type WorkerInit, type WorkerResult, type WorkerTask } from './prefetch-facts';

async function serve(): Promise<void> {
  const init = workerData as WorkerInit;
  const backend = await createBackend(init.backend);
  const options = loadOptionsFor({ backend, config: init.config, paths: [] }, init.root, []);
  parentPort!.on('message', (task: WorkerTask) => {
    const entries = readFolderFacts(task.folder, options);
    parentPort!.postMessage({
      files: entries.map(([file]) => file),
      texts: entries.map(([, e]) => e.text),
      facts: JSON.stringify(entries.map(([, e]) => e.facts)),
    } satisfies WorkerResult);
  });
  parentPort!.postMessage('ready');
}

void serve();
