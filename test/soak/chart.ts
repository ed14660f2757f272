// The soak run's memory chart (docs/soak-memory.png), drawn without dependencies: an RGB raster,
// lines and a 5x7 bitmap font, written as PNG with node:zlib (deflate) and a CRC-32 table. Used by
// test/soak/soak.ts only.
import * as zlib from 'node:zlib';

/** The classic public-domain 5x7 font, ASCII 0x20–0x7e: five column bytes per glyph, bit 0 at the top. */
const FONT = Buffer.from(
  '000000000000005f00000007000700147f147f14242a7f2a12231308646236495522500005030000001c2241000041221c00'
  + '14083e081408083e080800503000000808080808006060000020100804023e5149453e00427f400042615149462141454b31'
  + '1814127f1027454545393c4a49493001710905033649494936064949291e0036360000005636000008142241001414141414'
  + '00412214080201510906324979413e7e1111117e7f494949363e414141227f4141221c7f494949417f090909013e4149497a'
  + '7f0808087f00417f41002040413f017f081422417f404040407f020c027f7f0408107f3e4141413e7f090909063e4151215e'
  + '7f09192946464949493101017f01013f4040403f1f2040201f3f4038403f631408146307087008076151494543007f414100'
  + '02040810200041417f0004020102044040404040000102040020545454787f484444383844444420384444487f3854545418'
  + '087e0901020c5252523e7f0804047800447d40002040443d007f1028440000417f40007c041804787c080404783844444438'
  + '7c14141408081414187c7c080404084854545420043f4440203c4040207c1c2040201c3c4030403c44281028440c5050503c'
  + '4464544c44000836410000007f000000413608001008081008',
  'hex',
);

export type Rgb = [number, number, number];

export class Raster {
  readonly px: Uint8Array;
  constructor(readonly width: number, readonly height: number, background: Rgb = [255, 255, 255]) {
    this.px = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, background);
  }

  set(x: number, y: number, c: Rgb): void {
    x = Math.round(x); y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    this.px[i] = c[0]; this.px[i + 1] = c[1]; this.px[i + 2] = c[2];
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let yy = Math.round(y); yy < Math.round(y + h); yy++) for (let xx = Math.round(x); xx < Math.round(x + w); xx++) this.set(xx, yy, c);
  }

  /** A line `thick` pixels wide (a square brush stamped along it). */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thick = 1): void {
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const o = Math.floor((thick - 1) / 2);
    for (let k = 0; k <= n; k++) {
      const x = x0 + ((x1 - x0) * k) / n, y = y0 + ((y1 - y0) * k) / n;
      this.rect(Math.round(x) - o, Math.round(y) - o, thick, thick, c);
    }
  }

  /** Text at (x, y) (top left), each font pixel `scale` pixels; returns the width drawn. */
  text(x: number, y: number, s: string, c: Rgb, scale = 2): number {
    let cx = x;
    for (const ch of s) {
      const code = ch.charCodeAt(0);
      const g = code >= 0x20 && code <= 0x7e ? code - 0x20 : 0x3f - 0x20;
      for (let col = 0; col < 5; col++) {
        const bits = FONT[g * 5 + col];
        for (let row = 0; row < 7; row++) if (bits & (1 << row)) this.rect(cx + col * scale, y + row * scale, scale, scale, c);
      }
      cx += 6 * scale;
    }
    return cx - x;
  }

  textWidth(s: string, scale = 2): number {
    return [...s].length * 6 * scale;
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0; // filter: none
      Buffer.from(this.px.buffer, y * this.width * 3, this.width * 3).copy(raw, y * (this.width * 3 + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method variants, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export interface Series { name: string; color: Rgb; points: [number, number][] }

export interface ChartSpec {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Shaded x intervals (e.g. the windows a criterion reads), with a label. */
  bands?: { from: number; to: number; label: string }[];
  /** Vertical lines (e.g. quarter boundaries). */
  marks?: number[];
}

/** A line chart of the series on shared axes, y from 0. */
export function lineChart(spec: ChartSpec, width = 1000, height = 560): Buffer {
  const r = new Raster(width, height);
  const ink: Rgb = [40, 40, 40], grid: Rgb = [225, 225, 225], faint: Rgb = [120, 120, 120];
  const left = 90, right = width - 30, top = 104, bottom = height - 70;
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1]));
  const xMax = Math.max(1, ...xs);
  const yStep = niceStep(Math.max(1, ...ys) / 6);
  const yMax = yStep * Math.ceil((Math.max(1, ...ys) * 1.08) / yStep);
  const X = (x: number) => left + ((right - left) * x) / xMax, Y = (y: number) => bottom - ((bottom - top) * y) / yMax;
  for (const b of spec.bands ?? []) {
    r.rect(X(b.from), top, Math.max(2, X(b.to) - X(b.from)), bottom - top, [255, 236, 200]);
    r.text(X(b.from) - r.textWidth(b.label) - 3, top + 4, b.label, faint);
  }
  for (let y = 0; y <= yMax + 1e-9; y += yStep) {
    r.line(left, Y(y), right, Y(y), grid);
    const label = String(Math.round(y));
    r.text(left - 10 - r.textWidth(label), Y(y) - 7, label, ink);
  }
  const xStep = niceStep(xMax / 8);
  for (let x = 0; x <= xMax + 1e-9; x += xStep) {
    r.line(X(x), bottom, X(x), bottom + 5, ink);
    const label = x >= 1000 ? `${x / 1000}k` : String(x);
    r.text(X(x) - r.textWidth(label) / 2, bottom + 10, label, ink);
  }
  for (const m of spec.marks ?? []) for (let y = top; y < bottom; y += 6) r.line(X(m), y, X(m), y + 2, faint);
  r.line(left, top, left, bottom, ink);
  r.line(left, bottom, right, bottom, ink);
  for (const s of spec.series) {
    for (let k = 1; k < s.points.length; k++) r.line(X(s.points[k - 1][0]), Y(s.points[k - 1][1]), X(s.points[k][0]), Y(s.points[k][1]), s.color, 2);
  }
  r.text(left - 70, 12, spec.title, ink, 3);
  if (spec.subtitle) r.text(left - 70, 44, spec.subtitle, ink, 2);
  r.text((left + right) / 2 - r.textWidth(spec.xLabel) / 2, height - 28, spec.xLabel, ink);
  r.text(left - 10 - r.textWidth(spec.yLabel), top - 24, spec.yLabel, ink);
  // Legend, above the plot on the right.
  let lx = right - spec.series.reduce((w, s) => w + r.textWidth(s.name) + 40, 0);
  for (const s of spec.series) {
    r.rect(lx, top - 21, 22, 6, s.color);
    lx += 28 + r.text(lx + 28, top - 27, s.name, ink) + 12;
  }
  return r.png();
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
