// Which unit each layer uses: offsets and LSP columns are UTF-16 code units, go-vet text columns are
// UTF-8 bytes; CRLF ends a line once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/text/line-index';

test('UTF-16 columns, UTF-8 byte columns and code points differ on CJK and emoji lines', () => {
  const text = 'package p\n// 中文😀 x\n';
  const idx = new LineIndex(text);
  const x = text.indexOf('x');
  assert.deepEqual(idx.position(x), { line: 1, character: 8 }); // '// ' 3 + 中文 2 + 😀 2 + ' ' 1
  assert.equal(idx.utf8Column(x), 14); // 3 + 6 + 4 + 1
  assert.equal(idx.codePointColumn(x), 7);
  assert.equal(idx.offset({ line: 1, character: 8 }), x);
});

test('CRLF and lone CR end lines; positions past a line end clamp to it', () => {
  const idx = new LineIndex('a\r\nb\rc\n');
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.position(3), { line: 1, character: 0 });
  assert.deepEqual(idx.position(5), { line: 2, character: 0 });
  assert.equal(idx.lineEnd(0), 1);
  assert.equal(idx.offset({ line: 0, character: 99 }), 1);
});
