// Plain facts extracted from one file's trees: no tree-sitter objects past this point, so the
// package model, the graph and the rules work the same whatever backend parsed the text.
import type { TextRange } from '../parse/backend';

export type Span = TextRange;

/** How a call argument carries a caller's parameter: `p`, `p+1`, `C.int(p-2)` … (for depth bounds). */
export interface ArgFlow { param: number; delta: number }

/**
 * A guard `if p >= limit { return }` at the top level of a body: the recursion stops at `limit`.
 * A limit written as a name or expression (`maxNesting`, `pkg.Max+1`) has `limit` null and its text
 * in `limitExpr` (plus 1 when `strict`): the graph evaluates it with the workspace's constants.
 */
export interface DepthGuard { param: number; limit: number | null; limitExpr?: string; strict?: boolean }

/** A value a method is called on or a field is read from, as far as syntax tells. */
export type ValueRef =
  | { kind: 'ident'; name: string }
  | { kind: 'field'; base: ValueRef; name: string }
  /** `x.(T)`: the type is written down. */
  | { kind: 'typed'; type: string }
  /** The `result`-th result of calling `fn` (a function name, `pkg.F` or a method value). */
  | { kind: 'call'; fn: ValueRef; result: number }
  /** An element of a slice, array or map, or what a channel carries: `t[k]`, `<-ch`. */
  | { kind: 'index'; base: ValueRef }
  /** A func literal, found by its span. */
  | { kind: 'literal'; span: Span }
  /** The elements of a slice, array or map literal that may be functions. */
  | { kind: 'many'; refs: ValueRef[] }
  /** Only as a flow's destination: the `index`-th result of the function the flow is in. */
  | { kind: 'result'; index: number }
  | { kind: 'other' };

/**
 * A value that may be a function going somewhere: `to = from` as an assignment, a declaration, a
 * keyed field of a composite literal, a send, a return or a range clause writes it (graph/go-values.ts).
 */
export interface GoFlow { span: Span; to: ValueRef; from: ValueRef }

export type GoCallee =
  | { kind: 'ident'; name: string }
  | { kind: 'selector'; base: ValueRef; name: string }
  | { kind: 'literal'; literal: number }
  /** A call through a value: `ref` is what holds the function (`t[k](…)`, `f()(…)`) when syntax tells. */
  | { kind: 'dynamic'; ref?: ValueRef };

/**
 * A call is its own span (`start`, `end`: the call expression): edges, evidence and operations at
 * the call point at it. A span object of its own took 40 bytes for each call of a big file.
 */
export interface GoCall extends Span {
  callee: GoCallee;
  /** One per argument. */
  args: (ArgFlow | null)[];
  /** The arguments as values, when one of them may be a function (for function values bound to parameters; null for the others). */
  argRefs?: (ValueRef | null)[];
  /** A call statement with more statements after it in its block: where the block ends (what follows is dead if the call never returns). */
  restEnd?: number;
  /**
   * The call starts a call statement (`f(x)`, `f(x).g()`), so it is no type conversion: 'top' in
   * the body's own block, else 'inner'.
   */
  statement?: 'top' | 'inner';
  /** 'go': the operand of a `go` statement, run on a fresh goroutine and stack; 'defer': deferred. */
  runs: 'now' | 'go' | 'defer';
}

export interface GoParam { name: string; type: string }

/**
 * Operations the g0 rules care about, located in the function that contains them (model/extract-go-ops.ts).
 * `index`, `range`, `delete`, `clear`: `ref` is the operand, a map only if its declared type says so.
 * `literal`: a composite literal whose `type` may name a map. `send`, `receive`, `close`: channels
 * (`detail` 'select' / 'select-default' inside a select). `defer` (`detail` 'loop' inside a loop),
 * `return`, kept only in a function with a defer (GoFunc.returns counts them all). `array`: a local
 * array declaration (`detail` its name, `bytes` when the size is known).
 * `stack-switch`: the argument of a `systemstack`/`mcall` call (`detail` the callee, `ref` the argument).
 */
export type GoOpKind = 'index' | 'range' | 'delete' | 'clear' | 'literal' | 'send' | 'receive' | 'close' | 'defer' | 'return' | 'array' | 'stack-switch';

export interface GoOp { kind: GoOpKind; span: Span; detail?: string; ref?: ValueRef; type?: string; bytes?: number }

export interface GoFunc {
  /** Unique within the package: `Name`, `Type.Name`, or `<parent>$lit<n>`. */
  key: string;
  name: string;
  recv?: { type: string; pointer: boolean; name: string };
  /** Index of the enclosing function for a func literal. */
  parent?: number;
  span: Span;
  /**
   * Where the name starts, from the function's start (a span object of its own took 40 bytes a
   * function). A literal has no name: the graph node gives the function's span for it.
   */
  nameOffset: number;
  /** Where a new directive line goes: the start of the `func` line, below the doc comment. */
  directiveAt: number;
  directives: string[];
  /** False for a bodyless declaration (implemented by assembly or by //go:linkname). */
  hasBody: boolean;
  exportName?: string;
  params: GoParam[];
  results: GoParam[];
  /** Type parameters with their constraints (`[T Runner]`): a value of type T is typed as its constraint. */
  typeParams?: GoParam[];
  calls: GoCall[];
  /** Explicit panics: `panic(...)`, `log.Panic*`, `(*log.Logger).Panic*`. */
  panics: { span: Span; what: string }[];
  /** The body calls recover() directly (not in a nested literal). */
  callsRecover: boolean;
  /** Deferred calls that are statements of the body's top level. */
  topDefers: GoCallee[];
  locals: Record<string, string>;
  /** Untyped locals set from a value (`h := lookup(i)`, `L := current`, `c := cfg.conv`): typed by what they are set to. */
  localCalls: Record<string, ValueRef>;
  guards: DepthGuard[];
  ops: GoOp[];
  /**
   * How many `return` statements the body has. Their operations are kept only where a defer needs
   * them (g0-race-ops.ts weighs the live ones): two of them take more memory than the function.
   */
  returns: number;
  /** Where values that may be functions go inside the body. */
  flows: GoFlow[];
  isTestFile: boolean;
}

export interface GoTypeDecl {
  name: string;
  kind: 'interface' | 'struct' | 'map' | 'other';
  underlying: string;
  /** An interface's methods, with their result types (a call's result is typed by them). */
  methods: { name: string; arity: number; results?: string[] }[];
  fields: Record<string, string>;
  /** Embedded fields' types (their methods are promoted). */
  embedded: string[];
}

export interface LinknameDirective { local: string; target: string; span: Span }
export interface IgnoreComment { rule: string; reason: string; line: number; span: Span }

/**
 * `C.name` used as a value in Go (not called): a C function or an export turned into a function
 * pointer. `dest` is where it goes: an argument of a `C.f(...)` call (through conversions, the
 * first `C.T(...)` naming its pointer type in `cast`), a field of a C struct (`cfg.cb = C.cb`), or Go code.
 */
export interface GoCValue {
  name: string;
  span: Span;
  cast?: string;
  /** `c-arg`: each `C.f(...)` it is an argument of, innermost first (`C.cb_t(C.goCb)` is a conversion, told apart later). */
  dest: { kind: 'c-arg'; calls: { callee: string; arg: number }[]; then?: CFieldDest } | CFieldDest | { kind: 'go' };
}

/** `x.f = …` where x is a C struct: the field, and the struct type when x's declared type names it. */
export interface CFieldDest { kind: 'c-field'; owner?: string; field: string }

/** The cgo preamble of a Go file: the C text's ranges (parsed with the package's C units) and its #cgo lines. */
export interface GoPreamble { ranges: Span[]; cgo: { text: string; span: Span }[] }

export interface GoFileFacts {
  packageName: string;
  imports: { name?: string; path: string; span: Span }[];
  buildConstraint?: string;
  funcs: GoFunc[];
  types: GoTypeDecl[];
  vars: Record<string, string>;
  /** Package variables set from a call or another value (`var inv = newInventory()`). */
  varCalls: Record<string, ValueRef>;
  /** Flows of package variables' initializers (`var converters = map[string]conv{"a": toA}`). */
  flows: GoFlow[];
  linknames: LinknameDirective[];
  ignores: IgnoreComment[];
  cValues: GoCValue[];
  /** True when only the top level was read (see extract-go.ts): bodies have no calls yet. */
  outline: boolean;
  preamble?: GoPreamble;
  errors: number;
}
