// Input mutations for the engine fuzzer: the damage half-typed and hostile files do to Go and C.
// Deterministic for a seed, so every failure can be replayed.
import type { Rng } from '../harness/rng';

export type Mutation = (bytes: Buffer, rng: Rng, donor: Buffer) => Buffer;

const at = (b: Buffer, rng: Rng) => rng.int(b.length + 1);
const splice = (b: Buffer, i: number, del: number, ins: Buffer | string) => Buffer.concat([b.subarray(0, i), Buffer.from(ins as string), b.subarray(Math.min(b.length, i + del))]);

export const MUTATIONS: Record<string, Mutation> = {
  byteFlips: (b, rng) => { const c = Buffer.from(b); for (let k = 0; k < 1 + rng.int(8) && c.length; k++) c[rng.int(c.length)] ^= 1 << rng.int(8); return c; },
  truncate: (b, rng) => b.subarray(0, at(b, rng)),
  spliceDonor: (b, rng, donor) => { const s = rng.int(donor.length + 1); return splice(b, at(b, rng), rng.int(64), donor.subarray(s, s + rng.int(400))); },
  unbalancedComment: (b, rng) => splice(b, at(b, rng), 0, rng.pick(['/*', '*/', '//', '/* /* */'])),
  preambleNeverCloses: (b) => { const s = b.toString('latin1'); const i = s.indexOf('import "C"'); return i < 0 ? splice(b, 0, 0, 'package p\n/*\nint x;\nimport "C"\n') : splice(b, i, 0, '/*\n'); },
  nulBytes: (b, rng) => splice(b, at(b, rng), 0, Buffer.alloc(1 + rng.int(4))),
  invalidUtf8: (b, rng) => splice(b, at(b, rng), 0, Buffer.from(rng.pick([[0xff], [0xc3], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]))),
  deleteSpan: (b, rng) => splice(b, at(b, rng), 1 + rng.int(200), ''),
  duplicateSpan: (b, rng) => { const i = at(b, rng); return splice(b, i, 0, b.subarray(i, i + rng.int(300))); },
  crlf: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'),
};

/** 10,000-deep nesting of Go and C constructs (parens, blocks, selectors, binary chains). */
export function deepNesting(rng: Rng, depth = 10000): { go: string; c: string } {
  const kind = rng.int(4);
  const inner = kind === 0 ? '('.repeat(depth) + 'x' + ')'.repeat(depth)
    : kind === 1 ? 'x' + ' + 1'.repeat(depth)
    : kind === 2 ? 'x' + '.f'.repeat(depth)
    : 'f(' .repeat(depth) + ')'.repeat(depth);
  const blocks = '{'.repeat(depth) + '}'.repeat(depth);
  return {
    go: `package p\n\n// static int g(int x) { return ${kind === 2 ? 'x' : inner.replace(/\.f/g, '')}; }\nimport "C"\n\nfunc f(x int) int {\n\t_ = ${inner}\n\t${blocks}\n\treturn C.g(x)\n}\n`,
    c: `int f(int x) { ${'{'.repeat(depth)} return ${kind === 2 ? 'x' : inner.replace(/\.f/g, '')}; ${'}'.repeat(depth)} }\n`,
  };
}

/**
 * A file of about `bytes`: its declarations (from the first one on) repeated, then one mutation.
 * Big files are read a piece at a time; this damages one of the pieces.
 */
export function grown(b: Buffer, bytes: number, rng: Rng, donor: Buffer): Buffer {
  const from = /^(?:func|type|var|const)\b/m.exec(b.toString('latin1'))?.index;
  if (from === undefined) return b;
  const body = b.subarray(from);
  const parts = [b.subarray(0, from)];
  for (let n = from; n < bytes; n += body.length) parts.push(body);
  const names = Object.keys(MUTATIONS).filter((m) => m !== 'crlf' && m !== 'preambleNeverCloses');
  return MUTATIONS[rng.pick(names)](Buffer.concat(parts), rng, donor);
}
