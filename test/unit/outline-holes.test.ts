// The outline read skips what it never reads (function bodies, initializer literals, const groups),
// found by a lexer: it must find exactly those (not struct or interface braces, not a func literal
// taken for a declaration, not braces in strings or comments), and the outline must equal the one
// read from the whole parse.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { extractGoOutline } from '../../server/src/model/extract-go';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { outlineHoles } from '../../server/src/parse/outline-holes';

const REPO = path.resolve(__dirname, '..', '..', '..');

const TRICKY = `package p

import "fmt"

// Braces in strings, runes, raw strings and comments do not count.
func a() { s := "}\\""; r := '}'; q := \`}
{\`; /* } */ // }
	fmt.Println(s, r, q)
}

func b() struct{ x int } { return struct{ x int }{1} }

func c[T interface{ ~int | ~string }](v T) interface{ M() } { return nil }

//go:noescape
func asm(x int) int

func (r *recv) m(f func(struct{}) map[string]struct{}) {}

var v = func() int { return 1 }()

var (
	w = func() {}
	tab = []struct{ k string }{{"}"}, {k: "x"}}
	m   map[string]interface{ M() }
)

const (
	A = iota // }
	B
)

const C = 1

type S struct{ f func() }

func multi(
	x int, /* a comment
	over lines */ y int,
) (z int) {
	return x + y
}

func 中文() { _ = "日本語 }" }
`;

const BODIES = [
  ` s := "}\\""; r := '}'; q := \`}
{\`; /* } */ // }
	fmt.Println(s, r, q)
`,
  ' return struct{ x int }{1} ',
  ' return nil ',
  '',
  ' return 1 ',
  '',
  '{"}"}, {k: "x"}',
  '\n\tA = iota // }\n\tB\n',
  '\n\treturn x + y\n',
  ' _ = "日本語 }" ',
];

describe('outline holes found by the lexer', () => {
  it('are function bodies, initializer literals and const groups, nothing else', () => {
    assert.deepEqual(outlineHoles(TRICKY).map((r) => TRICKY.slice(r.start, r.end)), BODIES);
  });

  it('are the same with CRLF line ends', () => {
    const crlf = TRICKY.replace(/\n/g, '\r\n');
    assert.deepEqual(outlineHoles(crlf).map((r) => crlf.slice(r.start, r.end)), BODIES.map((b) => b.replace(/\n/g, '\r\n')));
  });

  it('run an unclosed body to the end of the text; a file without functions has none', () => {
    const open = 'package p\n\nfunc f() {\n\tx := 1\n';
    assert.deepEqual(outlineHoles(open).map((r) => open.slice(r.start, r.end)), ['\n\tx := 1\n']);
    assert.deepEqual(outlineHoles('package p\n\nvar x = 1\n'), []);
  });
});

describe('outline skipping holes equals the outline of the whole parse', () => {
  const backends: ParserBackend[] = [];
  before(async () => { backends.push(await createBackend('native'), await createBackend('wasm')); });
  const same = (text: string, name: string) => {
    for (const b of backends) {
      const skipping = extractGoOutline(b, text, false);
      assert.deepEqual(skipping, extractGoOutline(b, text, false, false), `${name} on ${b.name}`);
      assert.equal(skipping.outline, true);
    }
  };

  it('on the tricky file, LF and CRLF', () => {
    same(TRICKY, 'tricky');
    same(TRICKY.replace(/\n/g, '\r\n'), 'tricky CRLF');
    const funcs = extractGoOutline(backends[1], TRICKY, false).funcs.map((f) => `${f.key}:${f.hasBody}`);
    assert.deepEqual(funcs, ['a:true', 'b:true', 'c:true', 'asm:false', 'recv.m:true', 'multi:true', '中文:true']);
  });

  it('on a file with more holes than included ranges are used for (it is read blanked)', () => {
    const funcs = Array.from({ length: 400 }, (_, i) => `// G${i} 说明.\nfunc (m *M) G${i}() int {\n\tif m == nil {\n\t\treturn 0\n\t}\n\treturn m.f + ${i}\n}\n`);
    const text = `package p\n\nconst (\n\tA = iota\n\tB\n)\n\nvar table = []int{1, 2, 3}\n\ntype M struct{ f int }\n\n${funcs.join('\n')}`;
    same(text, 'many holes');
    same(text.replace(/\n/g, '\r\n'), 'many holes CRLF');
    assert.equal(extractGoOutline(backends[1], text, false).funcs.length, 400);
  });

  it('on a file whose skeleton does not parse (it falls back to the whole parse)', () => {
    same('package p\n\nfunc f() { x := [}; }\n\nfunc g() {}\n', 'broken');
  });

  it('on every Go file of the fixtures and examples', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.go')) files.push(path.join(dir, e.name));
      }
    };
    walk(path.join(REPO, 'test', 'fixtures'));
    walk(path.join(REPO, 'examples'));
    assert.ok(files.length > 150, `${files.length} files`);
    for (const f of files) same(fs.readFileSync(f, 'utf8'), path.relative(REPO, f));
  });
});
