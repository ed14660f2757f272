// Reading a text file into memory glibc never sees. Node's own buffers come from malloc, which serves
// one over 128 KiB with mmap; freeing one of up to 32 MiB raises that limit to its size and lets the
// process keep twice as much freed memory for the rest of its life. A 16 MiB file read with
// fs.readFileSync left a check of it 22 to 39 MiB bigger at its peak. A WebAssembly memory is mapped
// and unmapped by V8 itself. (Reading through a small buffer avoids malloc too, but each piece's
// string survives until they are joined, and that doubles V8's young generation to its maximum.)
// Above 32 MiB glibc leaves its limit as it is, and a WebAssembly memory that size did harm: 64 MiB
// of non-cgo peaked 230 MiB higher on the wasm backend.
import * as fs from 'node:fs';

const WASM_PAGE = 64 << 10;
/** glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit: freeing a bigger buffer leaves its limits as they are. */
const GLIBC_MMAP_THRESHOLD_MAX = 32 << 20;
// Node has it; the project's TypeScript libraries leave it out.
declare const WebAssembly: { Memory: new (pages: { initial: number }) => { buffer: ArrayBuffer } };

/** The file decoded as UTF-8, as `fs.readFileSync(file, 'utf8')` gives it (a BOM kept, bad bytes as U+FFFD). */
export function readUtf8File(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < WASM_PAGE || size > GLIBC_MMAP_THRESHOLD_MAX) return fs.readFileSync(fd, 'utf8');
    // One byte more than the size, so a file that grew since is seen and read the ordinary way.
    const bytes = Buffer.from(new WebAssembly.Memory({ initial: Math.ceil((size + 1) / WASM_PAGE) }).buffer);
    let read = 0;
    for (let n; read < bytes.length && (n = fs.readSync(fd, bytes, read, bytes.length - read, read)) > 0;) read += n;
    return read < bytes.length ? bytes.toString('utf8', 0, read) : fs.readFileSync(file, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}
