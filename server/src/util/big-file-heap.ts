// V8's defaults suit many small files; one big file needs two of them changed, once it is met (not
// before: on many small files the cap below cost 5% of a check of Go's src, and a tenth more on each
// keystroke's diagnostics in the language server). The flags are the process's: worker threads share them.
// - Heap growth: while a big file is read, collecting is cheap next to the work, so V8 lets the heap
//   grow to four times what the last full collection kept (16 MiB of generated cgo peaked at 500 MiB
//   for under 200 MiB kept). With growth capped at GROWTH_PERCENT between full collections, 400 MiB.
// - Pretenuring: V8 allocates straight into the old generation where its feedback says objects
//   survive. With a big text held that feedback misleads it: checking 16 MiB of cgo while holding a
//   120 MB string promoted five times as much, and 64 MiB of cgo took 121 s (1.9 s/MiB, 33 s of it
//   collecting); without pretenuring, 91 s (1.4 s/MiB, as at 16 MiB).
import * as v8 from 'node:v8';

/** Above Go's biggest own files (1.4 MB): its src checks with V8's defaults. */
const BIG_FILE_CHARS = 2 << 20;
const GROWTH_PERCENT = 30;

let tuned = false;

/** Called with the size of each file read. */
export function tuneHeapForFile(chars: number): void {
  if (tuned || chars < BIG_FILE_CHARS) return;
  tuned = true;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
