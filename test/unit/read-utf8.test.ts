// Source files read through WebAssembly memory decode exactly as fs.readFileSync decodes them:
// multi-byte characters across the 64 KiB pages, bad bytes, a BOM, CRLF, sizes at a page's edge.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readUtf8File } from '../../server/src/util/read-utf8';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-read-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const PAGE = 64 << 10;

function fileOf(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** ASCII Go text with `insert` written so that it starts `before` bytes ahead of each page edge. */
function straddling(size: number, insert: Buffer, before: number): Buffer {
  const bytes = Buffer.alloc(size, 'x');
  for (let edge = PAGE; edge + insert.length < size; edge += PAGE) insert.copy(bytes, edge - before);
  return bytes;
}

describe('reading a source file', () => {
  it('decodes small files as fs.readFileSync does', () => {
    const cases: [string, Buffer][] = [
      ['empty.go', Buffer.alloc(0)],
      ['ascii.go', Buffer.from('package p\n\nfunc F() {}\n')],
      ['bom-crlf.go', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('package p\r\n// 注释：中文\r\nfunc F() {}\r\n')])],
      ['bad.go', Buffer.from([0x70, 0xff, 0x0a, 0xe4, 0xb8, 0x0a, 0x80, 0xe4, 0xb8])],
      ['under-a-page.go', Buffer.alloc(PAGE - 1, 'y')],
    ];
    for (const [name, bytes] of cases) {
      const file = fileOf(name, bytes);
      assert.equal(readUtf8File(file), fs.readFileSync(file, 'utf8'), name);
    }
  });

  it('decodes big files with characters of 2, 3 and 4 bytes cut at every page edge, at every split', () => {
    for (const ch of ['é', '中', '😀']) {
      const insert = Buffer.from(`// ${ch}${ch}\n`);
      for (let before = 1; before < insert.length; before++) {
        const file = fileOf(`split-${before}.go`, straddling(5 * PAGE + 123, insert, before));
        const text = readUtf8File(file);
        assert.equal(text, fs.readFileSync(file, 'utf8'), `${ch} split ${before} bytes before the edge`);
        assert.ok(text.includes(`${ch}${ch}`));
      }
    }
  });

  it('decodes files of exactly one and several pages, and bad bytes at their ends', () => {
    for (const size of [PAGE, 3 * PAGE, 3 * PAGE + 1]) {
      const bytes = straddling(size, Buffer.from('中'), 1);
      bytes[size - 1] = 0xe4; // a character cut off by the end of the file
      const file = fileOf(`pages-${size}.go`, bytes);
      const text = readUtf8File(file);
      assert.equal(text, fs.readFileSync(file, 'utf8'), `${size} bytes`);
      assert.ok(text.endsWith('\ufffd'));
    }
  });

  it('fails as fs.readFileSync fails on a folder and on a missing file', () => {
    assert.throws(() => readUtf8File(dir), { code: 'EISDIR' });
    assert.throws(() => readUtf8File(path.join(dir, 'missing.go')), { code: 'ENOENT' });
  });
});
