// The cross-language call graph on real files: every edge kind, interface and cross-package
// resolution, and unresolved calls counted rather than guessed.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { analyze } from '../../server/src/findings/analyze';
import type { WorkspaceIndex } from '../../server/src/graph/callgraph';
import type { ParserBackend } from '../../server/src/parse/backend';
import { createBackend } from '../../server/src/parse/create-backend';
import { tempWorkspace } from '../harness/temp-workspace';

let backend: ParserBackend;
before(async () => { backend = await createBackend('wasm'); });

function edges(index: WorkspaceIndex): string[] {
  const g = index.graph;
  return g.out.flat().map((e) => `${g.nodes[e.from].display} -${e.kind}-> ${g.nodes[e.to].display}`).sort();
}

const WORKSPACE = {
  'go.mod': 'module example.com/m\n\ngo 1.19\n',
  'shape/shape.go': `package shape

type Shape interface{ Area() float64 }

type Square struct{ s float64 }

func (q *Square) Area() float64 { return q.s * q.s }

type Circle struct{ r float64 }

func (c Circle) Area() float64 { return 3 * c.r * c.r }

func (c Circle) Scale(k float64) Circle { return Circle{c.r * k} }

func Total(xs []Shape) (t float64) {
	for _, x := range xs {
		t += x.Area()
	}
	return
}
`,
  'app/app.go': `package app

/*
typedef int (*cb_t)(int);
static int apply(cb_t f, int v) { return f(v); }
static int twice(int v) { return v * 2; }
*/
import "C"

import (
	"example.com/m/shape"
)

//export goHook
func goHook(v C.int) C.int {
	Run(func() {})
	return v
}

func Run(fn func()) float64 {
	var sq shape.Square
	go helper()
	fn()
	defer func() { helper() }()
	C.apply((C.cb_t)(C.goHook), 1)
	C.apply(C.cb_t(C.twice), 2)
	Call(nil)
	return shape.Total(nil) + sq.Area()
}

func Call(g func()) { g() }

func helper() {}
`,
};

/** Every wanted edge is in the graph (the whole list is printed when one is missing). */
function assertEdges(edgeList: string[], wants: string[]): void {
  for (const want of wants) assert.ok(edgeList.includes(want), `missing edge ${want}\n${edgeList.join('\n')}`);
}

describe('call graph', () => {
  it('resolves Go→Go, methods, interfaces, closures, function values, go statements, Go→C and C→Go through pointers', () => {
    const dir = tempWorkspace(WORKSPACE);
    const r = analyze({ backend, config: DEFAULT_CONFIG, paths: [dir] });
    const e = edges(r.index);
    assertEdges(e, [
      'app.Run -go-> app.helper',
      'app.Run -call-> shape.Total',
      'app.Run -call-> (*Square).Area',
      'shape.Total -call-> (*Square).Area',
      'shape.Total -call-> (Circle).Area',
      'app.Run -call-> app.Run (func literal)',
      'app.Run (func literal) -call-> app.helper',
      'app.Run -call-> app.goHook (func literal)',
      'app.Run -cgo-> C.apply',
      'C.apply -pointer-> app.goHook',
      'C.apply -pointer-> C.twice',
    ]);
    assert.ok(!e.includes('shape.Total -call-> (Circle).Scale'), 'interface calls match name and arity');
    assert.equal(r.stats.unresolvedCalls, 1, 'g() through a func value nothing flows into is counted, not guessed');
    const outline = analyze({ backend, config: DEFAULT_CONFIG, paths: [tempWorkspace({ ...WORKSPACE, 'app/app.go': WORKSPACE['app/app.go'].replace('\tRun(func() {})\n', '') })] });
    assert.ok(!edges(outline.index).includes('shape.Total -call-> (*Square).Area'), 'bodies no export or root reaches stay unread');
  });

  it('types function pointers: a call through cb_t reaches only functions converted to cb_t', () => {
    const dir = tempWorkspace({
      'p.go': `package p

/*
typedef void (*on_a)(int);
typedef void (*on_b)(int);
static void call_a(on_a f) { f(1); }
static void one(int x) {}
static void two(int x) {}
*/
import "C"

func Use() {
	C.call_a(C.on_a(C.one))
	_ = C.on_b(C.two)
}
`,
    });
    const e = edges(analyze({ backend, config: DEFAULT_CONFIG, paths: [dir] }).index);
    assert.ok(e.includes('C.call_a -pointer-> C.one'), e.join('\n'));
    assert.ok(!e.includes('C.call_a -pointer-> C.two'), e.join('\n'));
  });

  it('follows function values and types expressions: method expressions, range elements, conversions, promoted methods, results of calls through values', () => {
    const dir = tempWorkspace({
      'go.mod': 'module example.com/v\n\ngo 1.19\n',
      'v.go': `package v

import "C"

type Base struct{}

func (Base) Hello() {}

type Job struct {
	Base
	run func()
}

type Jobs []*Job

type ID int

func (ID) Check() {}

func low() {}

func pick() func() { return low }

func each(js Jobs) {
	for _, j := range js {
		j.run()
		j.Hello()
	}
}

//export goEntry
func goEntry(n C.int) {
	f := (*Job).start
	f(&Job{run: pick()})
	each(Jobs{{run: low}})
	ID(n).Check()
	id := ID(1)
	id.Check()
	go pick()()
}

func (j *Job) start() {}
`,
    });
    const r = analyze({ backend, config: DEFAULT_CONFIG, paths: [dir] });
    const e = edges(r.index);
    assertEdges(e, [
      'v.goEntry -call-> (*Job).start',
      'v.each -call-> v.low',
      'v.each -call-> (Base).Hello',
      'v.goEntry -call-> (ID).Check',
      'v.goEntry -go-> v.low',
    ]);
    assert.equal(r.stats.callSites['go-value'].unresolved, 0, JSON.stringify(r.stats.callSites));
  });

  it('follows //go:linkname in both directions', () => {
    const dir = tempWorkspace({
      'go.mod': 'module example.com/l\n\ngo 1.19\n',
      'runtime/proc.go': 'package runtime\n\nfunc hookNewproc()\n\nfunc newproc1() { hookNewproc() }\n',
      'agent/agent.go': 'package agent\n\nimport _ "unsafe"\n\n//go:linkname onNewproc example.com/l/runtime.hookNewproc\nfunc onNewproc() { record() }\n\nfunc record() {}\n\n//go:linkname nanotime example.com/l/runtime.newproc1\nfunc nanotime()\n',
    });
    const e = edges(analyze({ backend, config: DEFAULT_CONFIG, paths: [dir] }).index);
    assert.ok(e.includes('runtime.hookNewproc -linkname-> agent.onNewproc'), e.join('\n'));
    assert.ok(e.includes('agent.nanotime -linkname-> runtime.newproc1'), e.join('\n'));
  });
});
