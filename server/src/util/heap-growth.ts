// While a big file is read, collecting is cheap next to the work, so V8 lets its heap grow to four
// times what the last full collection kept: 16 MiB of generated cgo peaked at 750 MB of memory
// for under 200 MB kept. `g0guard check` asks it to grow by at most this much between full
// collections instead (the README's big-file bench has what it costs in time). The language
// server does not: collecting that often cost a tenth more on each keystroke's diagnostics.
import * as v8 from 'node:v8';

const GROWTH_PERCENT = 30;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
