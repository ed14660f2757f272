// Plain facts read from one C or C++ file as one unit preprocessed it (model/extract-c.ts). They
// keep what the source says, unevaluated: sizes and bounds are expressions, types are text. The
// unit model (c-units.ts) evaluates them with the unit's macros, records and typedefs, and the call
// graph resolves calls, including calls through function pointers, from the values that flow.
import type { ArgFlow, IgnoreComment, Span } from './facts';

/**
 * A type as written, normalized: qualifiers and `struct`/`class` dropped, one `*` per pointer
 * level (`&` counts as none), template arguments kept (`std::vector<Node*>`). Function pointers
 * read `fn(int,char*)` plus their pointer stars. Typedef names stay names until the unit resolves them.
 */
export type CType = string;

/** An expression as far as values and types of calls need it. */
export type CExpr =
  | { kind: 'name'; name: string }
  | { kind: 'field'; base: CExpr; field: string; arrow: boolean }
  | { kind: 'index'; base: CExpr }
  | { kind: 'deref'; base: CExpr }
  | { kind: 'addr'; base: CExpr }
  | { kind: 'cast'; type: CType; base: CExpr }
  /** The result of call number `call` of the same function. */
  | { kind: 'call'; call: number }
  | { kind: 'this' }
  /** A C++ lambda: the function at index `func` of the file's facts. */
  | { kind: 'lambda'; func: number }
  | { kind: 'new'; type: CType }
  /** A literal: its type (`char*` for a string). */
  | { kind: 'literal'; type: CType }
  | { kind: 'choice'; options: CExpr[] }
  | { kind: 'other' };

/** An initializer: one expression, or a brace list (`{ .read = f, g }`). */
export type CInit =
  | { kind: 'expr'; expr: CExpr }
  | { kind: 'list'; items: { field?: string; value: CInit }[] };

export interface CSignature { params: CType[]; variadic: boolean; ret: CType }

export interface CParam { name: string; type: CType }

/** `name op value` over a parameter, local or global: `priority == PRIORITY_REALTIME`, `ctx != NULL`. */
export interface CAtom { name: string; op: '==' | '!=' | '<' | '<=' | '>' | '>='; value: string }

/** Atoms of which at least one holds (`!debuginfo || id != NULL`); a condition is a list of these, all true. */
export type CClause = CAtom[];

export interface CCall {
  span: Span;
  /** What is called: a name, a field (a method, or a function pointer in a struct), any expression. */
  callee: CExpr;
  args: CExpr[];
  /** How each argument carries a parameter of the caller (depth bounds). */
  argFlows: (ArgFlow | null)[];
  /** C++: `new T(...)` and `T x(...)` call a constructor, `delete p` a destructor. */
  special?: 'ctor' | 'dtor';
  /** What holds whenever the call runs: the `if` conditions around it and the early returns before it. */
  when?: CClause[];
  /** Short argument texts, evaluated as constants where they are (`24`, `MA_PRIORITY_NORMAL`, `sizeof(x)`). */
  argTexts?: (string | null)[];
}

/** `to = value`: an assignment, or `return value` (to is the name `<return>`). */
export interface CFlow {
  to: CExpr; value: CExpr; span: Span;
  /** For an assignment to a variable: what holds when it runs, and the value's text when short. */
  when?: CClause[];
  valueText?: string;
}

/** A declared variable: local, global or struct field. Arrays keep their sizes as source text. */
export interface CVar {
  name: string;
  type: CType;
  /** `T x[A][B]`: ['A', 'B']; `T x[]`: [''] (size from the initializer). */
  dims: string[];
  span: Span;
  isStatic: boolean;
  /** `const int N = 16;`: the initializer, a constant for sizes and bounds. */
  constValue?: string;
  init?: CInit;
  /** Number of items in the initializer list, for `T x[] = {...}`. */
  initCount?: number;
}

/** `if (depth >= LIMIT) return` at the top of a body: `limit` is the source text. */
export interface CGuard { param: number; limit: string; strict: boolean }

export interface CFunc {
  /** The name as declared (`count`, `f`); for a lambda `<lambda>`. */
  name: string;
  /** `ns::Class::count` for C++; the name for C. */
  qualified: string;
  /** The class a C++ method belongs to (qualified). */
  cls?: string;
  /** C++ scope the body is in, for unqualified lookups (`ns::Class`). */
  scope: string;
  isStatic: boolean;
  /** C linkage: any C function, and C++ declared `extern "C"` (or named so by an earlier declaration). */
  externC: boolean;
  role?: 'ctor' | 'dtor' | 'lambda';
  /** Index of the function a lambda is written in. */
  parent?: number;
  span: Span;
  nameSpan: Span;
  params: CParam[];
  variadic: boolean;
  ret: CType;
  calls: CCall[];
  flows: CFlow[];
  locals: CVar[];
  allocas: { span: Span; size: string | null; what: string }[];
  guards: CGuard[];
  /** pthread_create start routines named in this function. */
  threadStarts: string[];
  /** `catch (...)` blocks in the body (a Go panic skips them: hazards fact 6). */
  catchesAll: boolean;
  /** Variables set to a constant by a statement of the body's top level (`loaded = true;`). */
  sets: { name: string; value: string }[];
}

export interface CField { name: string; type: CType; dims: string[]; bitfield?: boolean }

/** A struct, union or class with a body. */
export interface CRecord {
  name: string;
  kind: 'struct' | 'union' | 'class';
  fields: CField[];
  bases: string[];
  /** C++ member functions declared in the body, with whether they are virtual. */
  methods: { name: string; virtual: boolean }[];
  span: Span;
}

/** What a declaration at file scope names, for navigation and completion (function definitions are in `funcs`). */
export type CSymbolKind = 'prototype' | 'struct' | 'union' | 'class' | 'enum' | 'typedef' | 'enumerator' | 'variable';

/** A name declared at file scope: where its name is, and the whole declaration (its text is the detail an editor shows). */
export interface CSymbol { name: string; kind: CSymbolKind; span: Span; decl: Span }

export interface CUnitFacts {
  funcs: CFunc[];
  records: CRecord[];
  /** typedef name → type. */
  typedefs: Record<string, CType>;
  /** Enumerators in order; a missing value is the previous one plus one. */
  enums: { name: string; value?: string; first: boolean }[];
  globals: CVar[];
  /** Function declarations (prototypes and definitions): name → signature. */
  prototypes: Record<string, CSignature>;
  /** Names declared inside `extern "C"` (C++). */
  externC: string[];
  /** File-scope declarations other than function definitions, in source order. */
  symbols: CSymbol[];
  ignores: IgnoreComment[];
  errors: number;
}
