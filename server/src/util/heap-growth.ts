// While a big file is read, collecting is cheap next to the work, so V8 lets its heap grow to four
// times what the last full collection kept: 16 MiB of generated cgo peaked at 750 MB of memory
// for under 200 MB kept. The CLI and the language server ask it to grow by at most this much
// between full collections instead (the bench's table in the README has what it costs in time).
import * as v8 from 'node:v8';

const GROWTH_PERCENT = 30;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
