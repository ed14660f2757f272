// While a big file is read, collecting is cheap next to the work, so V8 lets its heap grow to four
// times what the last full collection kept: 16 MiB of generated cgo peaked at 500 MiB of memory
// for under 200 MiB kept, 400 MiB with growth capped. Once a file this big is read, the process
// asks V8 to grow by at most GROWTH_PERCENT between full collections. Not before: on many small files collecting that often cost 5% of a check of Go's src,
// and a tenth more on each keystroke's diagnostics in the language server.
import * as v8 from 'node:v8';

/** Above Go's biggest own files (1.4 MB): its src checks uncapped. */
const BIG_FILE_CHARS = 2 << 20;
const GROWTH_PERCENT = 30;

let limited = false;

/** Called with the size of each file read; the flag is the process's, so its worker threads share it. */
export function limitHeapGrowthFor(chars: number): void {
  if (limited || chars < BIG_FILE_CHARS) return;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
