// V8's defaults suit many small files; one big file needs three of them changed, once it is met (not
// before: on many small files the cap below cost 5% of a check of Go's src, and a tenth more on each
// keystroke's diagnostics in the language server). The flags are the process's: worker threads share them.
// - Heap growth: while a big file is read, collecting is cheap next to the work, so V8 lets the heap
//   grow to four times what the last full collection kept (16 MiB of generated cgo peaked at 500 MiB
//   for under 200 MiB kept). With growth capped at 30% between full collections, 400 MiB; at 15%,
//   16 MiB files peaked 2 to 11 MiB lower again, for 0.3 s more of full collections in 26 s.
// - Pretenuring: V8 allocates straight into the old generation where its feedback says objects
//   survive. With a big text held that feedback misleads it: checking 16 MiB of cgo while holding a
//   120 MB string promoted five times as much, and 64 MiB of cgo took 121 s (1.9 s/MiB, 33 s of it
//   collecting); without pretenuring, 91 s (1.4 s/MiB, as at 16 MiB).
// - The young generation: it doubles up to two semi-spaces of 16 MiB as the facts kept pile up, and
//   keeps them, all 32 MiB resident. Held at half that, 16 MiB of cgo peaked 20 MiB lower in the same
//   time (a quarter: 30 MiB lower, 11% slower). Once V8 runs, only how much it grows by can change,
//   so its size is watched between a big file's pieces. Only the main thread does this: a worker
//   setting the process's growth factor would hold the other threads' young generations too.
import * as v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** Above Go's biggest own files (1.4 MB): its src checks with V8's defaults. */
const BIG_FILE_CHARS = 2 << 20;
const GROWTH_PERCENT = 15;
/** Both semi-spaces of the young generation together. */
const YOUNG_GENERATION_BYTES = 16 << 20;

let tuned = false;
let growthFactor = 2;

/** Called with the size of each file read. */
export function tuneHeapForFile(chars: number): void {
  if (tuned || chars < BIG_FILE_CHARS) return;
  tuned = true;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
  letYoungGenerationGrow();
}

/**
 * Called when a big file is met and between the pieces it is read in: under the size held, the
 * young generation may grow once, straight to it. A piece's facts are too few to make it grow twice
 * before the next call.
 */
export function letYoungGenerationGrow(): void {
  if (!tuned || !isMainThread) return;
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? YOUNG_GENERATION_BYTES;
  setGrowthFactor(young >= YOUNG_GENERATION_BYTES ? 1 : Math.floor(YOUNG_GENERATION_BYTES / young));
}

/** Called once a big file is read: nothing watches the young generation any more, so it stays as it is. */
export function holdYoungGeneration(): void {
  if (tuned && isMainThread) setGrowthFactor(1);
}

function setGrowthFactor(factor: number): void {
  if (factor === growthFactor) return;
  growthFactor = factor;
  v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}
