// c-large-frame: alloca, variable-length arrays and big local arrays in cgo's C take the
// thread's system stack (hazards.md fact 5).
import { cOnG0 } from '../graph/c-scope';
import { formatBytes, MEASURED_ON, type Rule } from './rule';
import { GUARD_PAGE_BYTES } from './c-recursion';

export const cLargeFrame: Rule = {
  id: 'c-large-frame',
  title: 'large or run-time-sized stack frame in C code on the system stack',
  severity: 'warning',
  doc: `C functions called through cgo run on g0, the thread's system stack, which never grows (RLIMIT_STACK, 8 MiB by default with cgo linked). \`alloca\` and variable-length arrays take a size decided at run time, often from Go; a big local array takes it at every call. One 64 KiB or 1 MiB frame before a callback was harmless at 8 MiB; 16 MiB crashed (${MEASURED_ON}). Frames over 4 KiB can jump glibc's single guard page and corrupt a neighbouring thread's stack silently; macOS secondary threads have 512 KiB (documented).

Reported for C and C++ that runs on a Go thread's g0 because of cgo: reached from a Go→C call, or on a path that calls back into Go. Sizes are evaluated as the unit compiles them (LP64): macros, enums, \`sizeof\` of scalars, pointers and the unit's structs, \`const\` integers. A size read from a variable or a call (\`strlen(s)\`) is a variable-length array; a constant the unit cannot know (a macro of a system header that is not read) is left out, never reported as one. Struct and union locals count with the arrays they hold.

Not counted: \`static\` locals, globals, heap memory (\`malloc\`, C++ \`new\`), array parameters (pointers). The threshold is \`largeFrameBytes\` (default 65536).

Fix: allocate with \`malloc\`/\`free\` (or a caller-provided buffer), or make the array \`static\` when the function is not re-entered.`,
  before: `static void blur(const uint8_t *src, int n) {
	uint8_t tmp[n]; // size from Go, on g0
}`,
  after: `static void blur(const uint8_t *src, int n) {
	uint8_t *tmp = malloc(n);
	if (!tmp) return;
	free(tmp);
}`,
  run(ctx) {
    const limit = ctx.config.largeFrameBytes;
    const onG0 = cOnG0(ctx.index.graph);
    for (const node of ctx.index.graph.nodes) {
      if (!node.c || !onG0.has(node.id)) continue;
      const fn = node.display.replace(/^C\./, '');
      for (const item of node.c.frameItems) {
        const guard = (bytes: number | null) => (bytes === null || bytes > GUARD_PAGE_BYTES ? '; over 4 KiB it can jump the guard page and corrupt another thread\'s stack' : '');
        let message: string | undefined;
        if (item.kind === 'alloca' && (item.bytes === null || item.bytes >= limit)) {
          message = item.bytes === null
            ? `C function ${fn} calls ${item.what} with a size known only at run time: the bytes come off the system stack (g0), which never grows${guard(null)}`
            : `C function ${fn} calls ${item.what}(${item.bytes}): ${formatBytes(item.bytes)} on the system stack (g0) is at or over ${formatBytes(limit)}${guard(item.bytes)}`;
        } else if (item.kind === 'vla') {
          message = `C function ${fn} declares the variable-length array ${item.what}: its size is decided at run time, on the system stack (g0), which never grows${guard(null)}`;
        } else if (item.kind === 'array' && item.bytes !== null && item.bytes >= limit) {
          message = `C function ${fn} has the local array ${item.what} of ${formatBytes(item.bytes)} (≥ ${formatBytes(limit)}) on the system stack (g0)${guard(item.bytes)}`;
        } else if (item.kind === 'struct' && item.bytes !== null && item.bytes >= limit) {
          message = `C function ${fn} has the local ${item.what} of ${formatBytes(item.bytes)} (≥ ${formatBytes(limit)}, its arrays included) on the system stack (g0)${guard(item.bytes)}`;
        }
        if (message) ctx.report({ rule: this.id, file: node.file, span: item.span, message, data: { bytes: item.bytes, limit } });
      }
    }
  },
};
