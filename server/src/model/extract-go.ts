// Go tree → GoFileFacts: functions (closures included), calls, directives, types, locals, and the
// preamble's ranges and #cgo lines (its C is read with the package's units, model/c-units.ts).
import type { ParserBackend, QueryMatch, SyntaxNode } from '../parse/backend';
import { outlineHoles, rangesAround } from '../parse/outline-holes';
import { blankGaps } from '../text/blank';
import { findPreambles } from '../parse/preamble';
import { readOps } from './extract-go-ops';
import { mayBeFunction, readFlows, readRests, typedWithoutFunction } from './extract-go-flows';
import { compactFuncs, compactGoFacts, compactTypes, FactSharing } from './compact-facts';
import { extractInChunks, planChunks } from './go-chunks';
import { renumber } from './renumber-funcs';
import type { CFieldDest, GoCallee, GoCValue, GoFileFacts, GoFlow, GoFunc, GoParam, GoTypeDecl, IgnoreComment, Span, ValueRef } from './facts';
import { baseTypeName, FUNCTION_LIKE, goArgFlow, goGuard, paramList, typeText, valueRef } from './go-types';
import { assignToEnclosing, lineStartOf, named, parseIgnore, span } from './syntax-util';
import { holdYoungGeneration, letYoungGenerationGrow } from '../util/big-file-heap';
import { listAt } from '../util/list-at';
import { has, own } from '../util/own';

const LOG_PANICS = new Set(['Panic', 'Panicf', 'Panicln']);
/** Arguments read as values: a function handed on is named, selected or written in place (a call's result as an argument is not followed). */
const FUNCTION_ARGS = new Set(['identifier', 'selector_expression', 'func_literal', 'composite_literal', 'unary_expression', 'parenthesized_expression']);

/**
 * `outline` reads only the top level (package, imports, types, declarations and their directives):
 * cheap, and all most packages of a big tree ever need. Bodies (calls, closures, operations,
 * the preamble's C) are read for the packages the analysis can reach.
 */
export function extractGo(backend: ParserBackend, text: string, isTestFile: boolean, outline = false): GoFileFacts {
  if (text.length <= ONE_PASS_CHARS) return extractGoAtOnce(backend, text, isTestFile, outline);
  const plan = planChunks(text, ONE_PASS_CHARS);
  const reader = backend.bigFiles ?? backend;
  const share = sharingFor(text);
  // V8's young generation may grow only while a big file's pieces are read (big-file-heap.ts).
  const read = (piece: string) => {
    letYoungGenerationGrow();
    return extractGoAtOnce(reader, piece, isTestFile, outline, share);
  };
  try {
    return (plan && plan.chunks.length > 1 && extractInChunks(text, plan, read)) || read(text);
  } finally {
    holdYoungGeneration();
  }
}

/**
 * The file in one parse: the reference reading in pieces is tested against. Its facts come
 * compacted with `share` if given (compact-facts.ts).
 */
export function extractGoAtOnce(backend: ParserBackend, text: string, isTestFile: boolean, outline: boolean, share?: FactSharing): GoFileFacts {
  return outline ? compactGoFacts(extractGoOutline(backend, text, isTestFile), share) : extractWhole(backend, text, isTestFile, share);
}

function extractWhole(backend: ParserBackend, text: string, isTestFile: boolean, share: FactSharing | undefined): GoFileFacts {
  const tree = backend.parse('go', text);
  try {
    return extractFromTree(backend, tree.root, text, isTestFile, share);
  } finally {
    tree.dispose();
  }
}

/**
 * tree-sitter's cost with included ranges grows faster than the text (4 MiB of small functions:
 * 2.8 s with 40,000 ranges, 0.36 s blanked). Above this many holes they are blanked instead: each
 * is the inside of brackets, so what is left is still Go, at the same offsets.
 */
const MAX_INCLUDED_RANGES = 256;

/**
 * An outline parses the text around what it never reads (function bodies, initializer literals,
 * const groups: outlineHoles). Where that text does not parse cleanly (a hole the lexer misjudged,
 * or a real syntax error) the whole file is parsed. `skipHoles` false is the reference the
 * skipping is tested against.
 */
export function extractGoOutline(backend: ParserBackend, text: string, isTestFile: boolean, skipHoles = true): GoFileFacts {
  const holes = skipHoles ? outlineHoles(text) : [];
  if (holes.length > 0) {
    const tree = holes.length <= MAX_INCLUDED_RANGES ? backend.parse('go', text, rangesAround(text.length, holes)) : backend.parse('go', blankGaps(text, holes));
    try {
      if (!tree.root.hasError) return extractOutline(tree.root, text, isTestFile);
    } finally {
      tree.dispose();
    }
  }
  const tree = backend.parse('go', text);
  try {
    return extractOutline(tree.root, text, isTestFile);
  } finally {
    tree.dispose();
  }
}

function emptyFacts(root: SyntaxNode, outline: boolean): GoFileFacts {
  return { packageName: '', imports: [], funcs: [], types: [], vars: {}, varCalls: {}, flows: [], linknames: [], ignores: [], cValues: [], errors: root.hasError ? 1 : 0, outline };
}

function extractOutline(root: SyntaxNode, text: string, isTestFile: boolean): GoFileFacts {
  const facts = emptyFacts(root, true);
  const top = root.namedChildren;
  const comments = top.filter((n) => n.type === 'comment');
  readComments(comments, facts);
  readTopLevel(root, facts);
  const funcNodes = top.filter((n) => n.type === 'function_declaration' || n.type === 'method_declaration');
  for (const node of funcNodes) facts.funcs.push(newFunc(node, text, isTestFile, true));
  attachDocDirectives(facts.funcs, funcNodes, comments, text);
  return facts;
}

/**
 * Facts are compacted (compact-facts.ts) only for files read in pieces: on small files it cost more
 * time than the memory it saved (Go's own src: 8% of the check's CPU for 4% of its memory).
 */
export function sharingFor(text: string): FactSharing | undefined {
  return text.length > ONE_PASS_CHARS ? new FactSharing() : undefined;
}

/** Characters of top-level declarations read together: their query matches are held only that long. */
const CHUNK_CHARS = 1 << 14;
/** Files up to this size are parsed and queried in one pass; bigger ones a piece at a time (go-chunks.ts). */
export const ONE_PASS_CHARS = 1 << 16;

/** The matches of one query file within the declarations being read. */
type MatchSource = (name: string) => QueryMatch[];

/**
 * Reads a big file a few top-level declarations at a time: the queries run per declaration, which
 * is faster there than one run over the whole tree and keeps the matches (hundreds of MB for a
 * multi-megabyte file) from piling up. A comment stays with the declaration after it.
 */
function extractFromTree(backend: ParserBackend, root: SyntaxNode, text: string, isTestFile: boolean, share: FactSharing | undefined): GoFileFacts {
  const facts = emptyFacts(root, false);
  readTopLevel(root, facts, true);
  for (const nodes of text.length <= ONE_PASS_CHARS ? [[root]] : chunks(root.namedChildren)) {
    const byName = nodes.length === 1 ? backend.matchAll('go', nodes[0]) : new Map<string, QueryMatch[]>();
    if (nodes.length > 1) for (const n of nodes) for (const [name, list] of backend.matchAll('go', n)) { const all = listAt(byName, name); for (const x of list) all.push(x); }
    const part: GoFileFacts = { ...facts, funcs: [] };
    readDeclarations((name) => byName.get(name) ?? [], nodes, text, isTestFile, part);
    // Compacted now, while what it replaces is young: a piece's worth of it would outlive the
    // young generation and be left for full collections (the heap grew to four times its live size).
    compactFuncs(part.funcs, share);
    facts.buildConstraint ??= part.buildConstraint;
    const base = facts.funcs.length;
    for (const f of part.funcs) facts.funcs.push(base ? renumber(f, (k) => k + base) : f);
  }
  const preambles = findPreambles(root, text).filter((p) => p.cRanges.length > 0 || p.cgoLines.length > 0);
  if (preambles.length > 0) {
    facts.preamble = {
      ranges: preambles.flatMap((p) => p.cRanges),
      cgo: preambles.flatMap((p) => p.cgoLines).map((r) => ({ text: text.slice(r.start, r.end).trim(), span: r })),
    };
  }
  compactTypes(facts.types, share);
  return facts;
}

function chunks(nodes: SyntaxNode[]): SyntaxNode[][] {
  const out: SyntaxNode[][] = [];
  let cur: SyntaxNode[] = [], size = 0;
  for (const n of nodes) {
    cur.push(n);
    size += n.endIndex - n.startIndex;
    if (size >= CHUNK_CHARS && n.type !== 'comment') { out.push(cur); cur = []; size = 0; }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Functions (closures included), their calls, locals and operations, in some top-level declarations. */
function readDeclarations(m: MatchSource, decls: SyntaxNode[], text: string, isTestFile: boolean, facts: GoFileFacts): void {
  const comments = m('comments').map((x) => x.captures[0].node);
  readComments(comments, facts);
  const funcNodes = m('functions').map((x) => x.captures[0].node).sort((a, b) => a.startIndex - b.startIndex);
  const funcSpans = funcNodes.map(span);
  const literalCount = new Map<number, number>();
  funcNodes.forEach((node) => facts.funcs.push(newFunc(node, text, isTestFile)));
  // Outside its own start, a literal sees only the functions around it.
  assignToEnclosing(funcSpans, funcNodes.map((n, i) => ({ start: n.startIndex, outside: true, i })), (item, parent) => {
    const f = facts.funcs[item.i];
    const n = (literalCount.get(parent) ?? 0) + 1;
    literalCount.set(parent, n);
    f.parent = parent;
    f.key = f.name = `${facts.funcs[parent].key}$lit${n}`;
  });
  attachDocDirectives(facts.funcs, funcNodes, comments, text);
  // Function values are followed in the code a build ships, not in tests (their value calls stay unresolved and counted).
  const values = !isTestFile;
  readLocals(m, funcSpans, facts, values);
  readCalls(m, decls, text, funcNodes, funcSpans, facts, values);
  readOps(m, funcSpans, facts);
  if (values) readFlows(m, funcSpans, facts);
}

function readComments(comments: SyntaxNode[], facts: GoFileFacts): void {
  for (const c of comments) {
    const t = c.text;
    if (t.startsWith('//go:linkname ')) {
      const [, local, target] = t.split(/\s+/);
      if (local) facts.linknames.push({ local, target: target ?? '', span: span(c) });
    } else if (t.startsWith('//go:build ')) {
      facts.buildConstraint ??= t.slice('//go:build '.length).trim();
    } else if (t.includes('g0guard:ignore')) {
      const ig = parseIgnore(t);
      if (ig) facts.ignores.push({ ...ig, line: -1, span: span(c) } as IgnoreComment);
    }
  }
}

/** `whole`: an outline skips initializers (outline-holes.ts), so only a whole parse reads their flows. */
function readTopLevel(root: SyntaxNode, facts: GoFileFacts, whole = false): void {
  for (const decl of named(root)) {
    if (decl.type === 'package_clause') facts.packageName = named(decl)[0]?.text ?? '';
    else if (decl.type === 'import_declaration') {
      const list = named(decl).find((n) => n.type === 'import_spec_list');
      for (const spec of named(list ?? decl).filter((n) => n.type === 'import_spec')) {
        const path = spec.childForFieldName('path')?.text.slice(1, -1) ?? '';
        facts.imports.push({ name: spec.childForFieldName('name')?.text, path, span: span(spec) });
      }
    } else if (decl.type === 'type_declaration') {
      for (const spec of named(decl).filter((n) => n.type === 'type_spec' || n.type === 'type_alias')) facts.types.push(typeDecl(spec));
    } else if (decl.type === 'var_declaration') {
      for (const spec of varSpecs(decl)) {
        mergeTypes(facts.vars, specTypes(spec, facts.varCalls, whole ? facts.flows : undefined));
      }
    }
  }
}

function varSpecs(decl: SyntaxNode): SyntaxNode[] {
  const list = named(decl).find((n) => n.type === 'var_spec_list');
  return named(list ?? decl).filter((n) => n.type === 'var_spec');
}

function typeDecl(spec: SyntaxNode): GoTypeDecl {
  const typeNode = spec.childForFieldName('type');
  const decl: GoTypeDecl = { name: spec.childForFieldName('name')?.text ?? '', kind: 'other', underlying: typeText(typeNode), methods: [], fields: {}, embedded: [] };
  if (typeNode?.type === 'interface_type') {
    decl.kind = 'interface';
    for (const m of named(typeNode)) {
      if (m.type === 'method_elem') {
        const results = paramList(m.childForFieldName('result')).map((r) => r.type);
        decl.methods.push({ name: m.childForFieldName('name')?.text ?? '', arity: paramList(m.childForFieldName('parameters')).length, ...(results.length ? { results } : {}) });
      }
      else decl.embedded.push(typeText(m)); // an embedded interface or a type constraint
    }
  } else if (typeNode?.type === 'struct_type') {
    decl.kind = 'struct';
    const list = named(typeNode).find((n) => n.type === 'field_declaration_list');
    for (const field of named(list)) {
      const type = typeText(field.childForFieldName('type'));
      const names = named(field).filter((n) => n.type === 'field_identifier');
      if (names.length === 0) { decl.fields[baseTypeName(type).name.split('.').pop()!] = type; decl.embedded.push(type); }
      for (const n of names) decl.fields[n.text] = type;
    }
  } else if (typeNode?.type === 'map_type') decl.kind = 'map';
  return decl;
}

/**
 * Types a var_spec or short declaration gives its names; untyped names set from a value go to
 * `calls`, and what those do not hold (a func literal, a slice or map literal, any value of a
 * declared type) to `flows`.
 */
function specTypes(spec: SyntaxNode, calls?: Record<string, ValueRef>, flows?: GoFlow[]): Record<string, string> {
  const out: Record<string, string> = {};
  const declared = spec.childForFieldName('type');
  const names = spec.type === 'var_spec' ? named(spec).filter((n) => n.type === 'identifier') : named(spec.childForFieldName('left'));
  const values = named(spec.type === 'var_spec' ? spec.childForFieldName('value') : spec.childForFieldName('right'));
  names.forEach((n, i) => {
    if (n.text === '_') return;
    const value = values.length === names.length ? values[i] : values.length === 1 ? values[0] : undefined;
    const t = declared ? typeText(declared) : values.length === names.length && value ? inferType(value) : '';
    if (flows && value && values.length === names.length && (declared ? FUNCTION_LIKE.has(value.type) : value.type === 'func_literal' || value.type === 'composite_literal')) {
      const ref = valueRef(value);
      if (mayBeFunction(ref)) flows.push({ span: span(spec), to: { kind: 'ident', name: n.text }, from: ref });
    }
    out[n.text] = t;
    if (!t && calls && value) {
      // Typed later from what it is set to: a call's result, another name, a field, an element.
      const ref = valueRef(value);
      if (ref.kind === 'call') calls[n.text] = { ...ref, result: values.length === 1 ? i : 0 };
      else if ((ref.kind === 'ident' || ref.kind === 'field' || ref.kind === 'index') && values.length === names.length) calls[n.text] = ref;
    }
  });
  return out;
}

function inferType(value: SyntaxNode): string {
  if (value.type === 'composite_literal') return typeText(value.childForFieldName('type'));
  if (value.type === 'unary_expression' && value.childForFieldName('operator')?.text === '&') {
    const inner = value.childForFieldName('operand');
    if (inner?.type === 'composite_literal') return '*' + typeText(inner.childForFieldName('type'));
  }
  if (value.type === 'call_expression') {
    const fn = value.childForFieldName('function')?.text;
    const first = named(value.childForFieldName('arguments'))[0];
    if (fn === 'new' && first) return '*' + typeText(first);
    if (fn === 'make' && first) return typeText(first);
    if (fn === 'log.New' || fn === 'log.Default') return '*log.Logger';
  }
  return '';
}

function newFunc(node: SyntaxNode, text: string, isTestFile: boolean, outline = false): GoFunc {
  const nameNode = node.childForFieldName('name');
  const name = nameNode?.text ?? '';
  let recv: GoFunc['recv'];
  if (node.type === 'method_declaration') {
    const r = paramList(node.childForFieldName('receiver'))[0];
    if (r) { const b = baseTypeName(r.type); recv = { type: b.name, pointer: b.pointer, name: r.name }; }
  }
  const paramsNode = node.childForFieldName('parameters');
  const params = paramList(paramsNode);
  // Only a generic function has `[` between its name and its parameters: skip the lookup otherwise.
  const generic = nameNode && paramsNode && text.slice(nameNode.endIndex, paramsNode.startIndex).includes('[');
  const typeParams = generic ? typeParamList(node.childForFieldName('type_parameters')) : [];
  const body = node.childForFieldName('body');
  const guards = [];
  for (const stmt of outline ? [] : named(named(body)[0])) {
    const g = goGuard(stmt, params);
    if (g) guards.push(g);
  }
  // Every field in the literal, those set later (`parent`, `exportName`) undefined: see the calls.
  return {
    key: recv ? `${recv.type}.${name}` : name, name, recv, parent: undefined, span: span(node), nameOffset: nameNode ? nameNode.startIndex - node.startIndex : 0,
    directiveAt: lineStartOf(text, node.startIndex), directives: [], hasBody: body !== null, exportName: undefined,
    params, results: paramList(node.childForFieldName('result')), typeParams: typeParams.length ? typeParams : undefined,
    calls: [], panics: [], callsRecover: false, topDefers: [], locals: {}, localCalls: {}, guards, ops: [], returns: 0, flows: [], isTestFile,
  };
}

/** `[T Runner, K comparable]`: each type parameter with its constraint. */
function typeParamList(list: SyntaxNode | null): GoParam[] {
  return named(list).flatMap((decl) => {
    const constraint = typeText(decl.childForFieldName('type'));
    return named(decl).filter((n) => n.type === 'identifier').map((n) => ({ name: n.text, type: constraint }));
  });
}

/** Directives in the doc comment group right above each declaration (`//export`, `//go:norace` …). */
function attachDocDirectives(funcs: GoFunc[], nodes: SyntaxNode[], comments: SyntaxNode[], text: string): void {
  let ci = 0;
  nodes.forEach((node, i) => {
    if (node.type === 'func_literal') return;
    while (ci < comments.length && comments[ci].endIndex <= node.startIndex) ci++;
    let next = node.startIndex;
    for (let k = ci - 1; k >= 0; k--) {
      const c = comments[k];
      if (!/^[ \t\r]*\n?[ \t\r]*$/.test(text.slice(c.endIndex, next))) break;
      const t = c.text;
      if (t.startsWith('//go:') || t.startsWith('//g0guard:')) funcs[i].directives.push(t.slice(2).split(/\s+/)[0]);
      else if (t.startsWith('//export ')) funcs[i].exportName = t.slice('//export '.length).trim().split(/\s+/)[0];
      next = c.startIndex;
    }
  });
}

function readLocals(m: MatchSource, funcSpans: Span[], facts: GoFileFacts, values: boolean): void {
  const decls = m('locals').map((x) => x.captures[0].node);
  const items = decls.map((node) => ({ start: node.startIndex, node })).sort((a, b) => a.start - b.start);
  assignToEnclosing(funcSpans, items, (item, f) => {
    const fn = facts.funcs[f];
    if (item.node.type !== 'range_clause') { mergeTypes(fn.locals, specTypes(item.node, fn.localCalls, values ? fn.flows : undefined)); return; }
    mergeTypes(fn.locals, rangeTypes(item.node, fn));
    if (!/^[^=]*:=/.test(item.node.text)) return; // `for k, v = range`: assigns
    rangeElement(item.node, fn);
    for (const n of named(item.node.childForFieldName('left'))) if (n.type === 'identifier' && n.text !== '_' && !has(fn.locals, n.text)) fn.locals[n.text] = '';
  });
}

/** Every name declared is kept, typed or not ('' : it shadows package names); a later '' never hides a type. */
function mergeTypes(into: Record<string, string>, types: Record<string, string>): void {
  for (const k in types) if (types[k] || !has(into, k)) into[k] = types[k];
}

/** `for _, v := range s.items`: v is typed later as an element of what is ranged over, whatever it is. */
function rangeElement(clause: SyntaxNode, f: GoFunc): void {
  const names = named(clause.childForFieldName('left'));
  const right = clause.childForFieldName('right');
  const v = names[1];
  if (!right || v?.type !== 'identifier' || v.text === '_' || own(f.locals, v.text)) return;
  const base = valueRef(right);
  if (base.kind !== 'other') f.localCalls[v.text] = { kind: 'index', base };
}

/** `for k, v := range x`: key and element types when x's type is a slice, array, map or channel. */
function rangeTypes(clause: SyntaxNode, f: GoFunc): Record<string, string> {
  const names = named(clause.childForFieldName('left')).map((n) => n.text);
  const right = clause.childForFieldName('right');
  if (names.length === 0 || right?.type !== 'identifier') return {};
  const t = own(f.locals, right.text) ?? [...f.params, ...f.results].find((p) => p.name === right.text)?.type ?? '';
  let key = '', value = '';
  let m: RegExpExecArray | null;
  if ((m = /^(?:\[[^\]]*\]|\.\.\.)(.+)$/.exec(t))) { key = 'int'; value = m[1]; }
  else if ((m = /^map\[([^\]]+)\](.+)$/.exec(t))) { key = m[1]; value = m[2]; }
  else if ((m = /^(?:<-)?chan(?:<-)? (.+)$/.exec(t))) key = m[1];
  const out: Record<string, string> = {};
  if (key && names[0] !== '_') out[names[0]] = key;
  if (value && names[1] && names[1] !== '_') out[names[1]] = value;
  return out;
}

function readCalls(m: MatchSource, decls: SyntaxNode[], text: string, funcNodes: SyntaxNode[], funcSpans: Span[], facts: GoFileFacts, values: boolean): void {
  const logAlias = logImportName(facts);
  const literalIndex = new Map<number, number>(funcNodes.map((n, i) => [n.startIndex, i]));
  // `func(){...}()` starts where its literal starts: half an offset earlier it belongs to the caller.
  const matches = m('calls');
  const starts = (name: string) => new Set(matches.flatMap((m) => m.captures.filter((c) => c.name === name).map((c) => c.node.startIndex)));
  const goCalls = starts('go-call'), deferCalls = starts('defer-call'), topDefers = starts('top-defer');
  const calls = matches.filter((m) => m.captures.some((c) => c.name === 'call')).map((m) => ({
    start: m.captures[0].node.startIndex,
    outside: true,
    call: m.captures.find((c) => c.name === 'call')!.node,
    callee: m.captures.find((c) => c.name === 'callee')!.node,
    args: m.captures.find((c) => c.name === 'args')!.node,
  })).sort((a, b) => a.start - b.start);
  const calleeStarts = new Set<number>();
  const dead = deadBranches(m, funcSpans, facts);
  const rests = readRests(m);
  const statements = new Set(m('statement-calls').map((x) => x.captures[0].node.startIndex));
  // Where each function body's own statements end: a call statement whose block ends there is top-level.
  const bodyEnds = new Map<number, number>();
  const bodyEnd = (fi: number) => {
    let end = bodyEnds.get(fi);
    if (end === undefined) bodyEnds.set(fi, (end = named(funcNodes[fi].childForFieldName('body'))[0]?.endIndex ?? -1));
    return end;
  };
  assignToEnclosing(funcSpans, calls, ({ call, callee, args }, fi) => {
    const f = facts.funcs[fi];
    calleeStarts.add(callee.startIndex);
    if (isConversion(callee)) return;
    const target = calleeOf(callee, literalIndex);
    const argNodes = named(args);
    const at = call.startIndex;
    const refs = !values ? [] : argNodes.map((a) => {
      const ref = FUNCTION_ARGS.has(a.type) ? valueRef(a) : null;
      return ref && mayBeFunction(ref) && !typedWithoutFunction(f, ref) ? ref : null;
    });
    // Every field in the literal, absent ones undefined: a field added later costs a second object.
    f.calls.push({
      start: call.startIndex, end: call.endIndex, callee: target, args: argNodes.map((a) => goArgFlow(a, f.params)),
      argRefs: refs.some((r) => r !== null) ? refs : undefined,
      restEnd: rests.has(at) && rests.get(at)! > call.endIndex ? rests.get(at) : undefined,
      statement: rests.get(at) === bodyEnd(fi) ? 'top' : statements.has(at) ? 'inner' : undefined,
      runs: goCalls.has(at) ? 'go' : deferCalls.has(at) ? 'defer' : 'now',
    });
    const live = !dead.some((d) => d.start <= call.startIndex && call.endIndex <= d.end);
    if (target.kind === 'ident' && target.name === 'panic' && live) f.panics.push({ span: span(call), what: 'panic' });
    if (target.kind === 'ident' && target.name === 'recover') f.callsRecover = true;
    if (target.kind === 'selector' && LOG_PANICS.has(target.name) && target.base.kind === 'ident') {
      const base = target.base.name;
      const t = own(f.locals, base) ?? f.params.find((p) => p.name === base)?.type ?? own(facts.vars, base);
      if (live && ((logAlias && base === logAlias) || t === '*log.Logger' || t === 'log.Logger')) f.panics.push({ span: span(call), what: `${base}.${target.name}` });
    }
    if (topDefers.has(at)) f.topDefers.push(target);
  });
  if (facts.imports.some((i) => i.path === 'C')) readCValues(decls, text, funcSpans, calleeStarts, facts);
}

/** Go's basic types, and cgo's names for C's: `int(x)`, `C.int(x)` convert, they call nothing. */
const BASIC_TYPES = /^(?:bool|byte|rune|string|error|any|u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128))$/;
const CGO_BASIC_TYPES = /^(?:char|schar|uchar|short|ushort|int|uint|long|ulong|longlong|ulonglong|float|double|size_t|complexfloat|complexdouble)$/;
const TYPE_NODES = new Set(['slice_type', 'array_type', 'map_type', 'pointer_type', 'channel_type', 'function_type', 'interface_type', 'struct_type', 'generic_type']);

/** A conversion written like a call: `int(x)`, `C.size_t(n)`, `unsafe.Pointer(p)`, `[]byte(s)`, `(*C.char)(p)`. */
function isConversion(callee: SyntaxNode): boolean {
  let node = callee;
  while (node.type === 'parenthesized_expression' && named(node).length === 1) node = named(node)[0];
  if (TYPE_NODES.has(node.type)) return true;
  if (node.type === 'identifier') return BASIC_TYPES.test(node.text);
  if (node.type === 'unary_expression') return callee !== node && node.childForFieldName('operator')?.text === '*'; // (*T)(x)
  if (node.type !== 'selector_expression') return false;
  const base = node.childForFieldName('operand')?.text, name = node.childForFieldName('field')?.text ?? '';
  return (base === 'C' && CGO_BASIC_TYPES.test(name)) || (base === 'unsafe' && name === 'Pointer');
}

/**
 * `C.name` written in the code. Found in the text, not by a query: in cgo code most words are
 * `C.name` (calls, conversions, types), and a query would make nodes for every one of them.
 * `C` and the dot split by a comment are not seen (gofmt never writes that).
 */
const C_NAME = /\bC\s*\.\s*([A-Za-z_]\w*)/g;

/** `C.name` used as a value: where it goes (a C call's argument, a C struct's field, or Go code). */
function readCValues(decls: SyntaxNode[], text: string, funcSpans: Span[], calleeStarts: Set<number>, facts: GoFileFacts): void {
  const uses: { start: number; name: string; node: SyntaxNode; decl: SyntaxNode }[] = [];
  for (const decl of decls) {
    // Within the declaration's own text: a search through the whole file's would run on past it.
    for (const m of text.slice(decl.startIndex, decl.endIndex).matchAll(C_NAME)) {
      const start = decl.startIndex + m.index!, end = start + m[0].length;
      if (calleeStarts.has(start) || isTypeUse(text, start, end)) continue;
      // In a comment or a string, a type, or part of a longer selector, the node there is no `C.name`.
      const use = decl.descendantForIndex(start, end);
      if (use?.type !== 'selector_expression' || use.startIndex !== start || use.endIndex !== end) continue;
      if (use.childForFieldName('operand')?.type !== 'identifier') continue;
      uses.push({ start, name: m[1], node: use, decl });
    }
  }
  uses.sort((a, b) => a.start - b.start);
  const inside = new Set<number>();
  assignToEnclosing(funcSpans, uses, ({ start, name, node, decl }, fi) => {
    inside.add(start);
    const { value, local } = cValue(name, node, facts.funcs[fi], facts);
    const passed = local ? passedOn(local, name, node.endIndex, funcSpans[fi].end, decl, text, facts.funcs[fi], facts) : [];
    if (passed.length === 0) facts.cValues.push(value);
    for (const p of passed) facts.cValues.push(p);
  });
  // A use outside every function (a package variable's initializer) is kept by Go.
  for (const u of uses) if (!inside.has(u.start)) facts.cValues.push({ name: u.name, span: span(u.node), dest: { kind: 'go' } });
}

/**
 * `cb := (*[0]byte)(C.cb)` then `C.register(cb)`: where the local holding a `C.name` goes after it is
 * set, up to the function's end (generated bindings name every argument first). Each use that
 * reaches C is a value at that use (where C is handed it); none leaves it with Go.
 */
function passedOn(local: string, name: string, from: number, to: number, decl: SyntaxNode, text: string, f: GoFunc, facts: GoFileFacts): GoCValue[] {
  const out: GoCValue[] = [];
  const body = text.slice(from, to);
  for (let at = body.indexOf(local); at >= 0; at = body.indexOf(local, at + local.length)) {
    const start = from + at, end = start + local.length;
    // Inside a longer name, a comment or a string, the node there is not this identifier.
    const use = decl.descendantForIndex(start, end);
    if (use?.type !== 'identifier' || use.startIndex !== start || use.endIndex !== end) continue;
    const { value } = cValue(name, use, f, facts);
    if (value.dest.kind !== 'go') out.push(value);
  }
  return out;
}

/**
 * Where a `C.name` value goes, read upwards from it through conversions (`unsafe.Pointer(…)`,
 * `C.cb_t(…)`, `(*[0]byte)(…)`): the argument of each `C.f(…)` around it (innermost first), or
 * the C struct field it is assigned to; else Go keeps it, and `local` names the variable it is set
 * in, if any. Few nodes are values, so walking up from each (parent lookups cost the depth) is
 * cheaper than a query over every call.
 */
function cValue(name: string, use: SyntaxNode, f: GoFunc, facts: GoFileFacts): { value: GoCValue; local?: string } {
  const value: GoCValue = { name, span: span(use), dest: { kind: 'go' } };
  const calls: { callee: string; arg: number }[] = [];
  let field_: CFieldDest | undefined, local: string | undefined;
  let node = use;
  for (let depth = 0; depth < 12; depth++) {
    const parent = node.parent;
    if (!parent) break;
    // `(*[0]byte)(C.f)`, the usual way to hand C a function pointer, is a conversion the grammar reads apart from calls.
    if (parent.type === 'parenthesized_expression' || parent.type === 'type_conversion_expression' || (parent.type === 'unary_expression' && parent.childForFieldName('operator')?.text === '&')) { node = parent; continue; }
    if (parent.type === 'argument_list') {
      const call = parent.parent;
      const fn = call?.childForFieldName('function');
      if (!call || !fn) break;
      const args = named(parent);
      const c = /^C\.(\w+)$/.exec(fn.text.replace(/\s+/g, ''));
      if (c) {
        calls.push({ callee: c[1], arg: args.findIndex((a) => a.startIndex === node.startIndex) });
      } else if (args.length !== 1) break; // a Go call: Go gets the value
      node = call;
      continue;
    }
    const stmt = parent.type === 'expression_list' ? parent.parent : null;
    if (stmt?.type === 'assignment_statement' || stmt?.type === 'short_var_declaration' || stmt?.type === 'var_spec') {
      const left = stmt.type === 'var_spec' ? named(stmt).filter((n) => n.type === 'identifier') : named(stmt.childForFieldName('left'));
      const right = named(parent);
      const target = right.length === 1 && left.length === 1 ? left[0] : undefined;
      const base = target?.type === 'selector_expression' ? target.childForFieldName('operand') : undefined, field = base && target!.childForFieldName('field');
      if (base?.type === 'identifier' && field) {
        const t = own(f.locals, base.text) ?? [...f.params, ...f.results].find((p) => p.name === base.text)?.type ?? own(facts.vars, base.text) ?? '';
        field_ = { kind: 'c-field', owner: /^\*?C\.(?:struct_)?(\w+)$/.exec(t)?.[1], field: field.text };
      } else if (target?.type === 'identifier' && target.text !== '_') local = target.text;
    }
    break;
  }
  if (calls.length) {
    // Each C.f(…) around the value may be a conversion (C.cb_t(…)) or the call that takes it: the
    // resolver tells them apart. Past them all, a field may still receive it.
    value.dest = field_ ? { kind: 'c-arg', calls, then: field_ } : { kind: 'c-arg', calls };
    if (calls.length > 1 || field_) value.cast = calls[0].callee;
  } else if (field_) value.dest = field_;
  return { value, local: value.dest.kind === 'go' ? local : undefined };
}

/** `*C.T`, `[]C.T`, `C.T{…}`: a C type, never a function value (the common case: skip it cheaply). */
function isTypeUse(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  return text[before] === '*' || text[before] === ']' || text[end] === '{';
}

const UNSIGNED = /^(uint(8|16|32|64)?|uintptr|byte|C\.(uint|uchar|ushort|ulong|ulonglong|size_t|uintptr_t|uint(8|16|32|64)_t))$/;

/** Bodies of `if x < 0` where x is an unsigned parameter or local: never run. */
function deadBranches(m: MatchSource, funcSpans: Span[], facts: GoFileFacts): Span[] {
  const out: Span[] = [];
  const items = m('dead-branches').map((x) => ({ start: x.captures[0].node.startIndex, m: x })).sort((a, b) => a.start - b.start);
  assignToEnclosing(funcSpans, items, ({ m }, fi) => {
    const get = (name: string) => m.captures.find((c) => c.name === name)!.node;
    const f = facts.funcs[fi];
    const name = get('value').text;
    const type = own(f.locals, name) ?? [...f.params, ...f.results].find((p) => p.name === name)?.type ?? '';
    if (get('limit').text === '0' && UNSIGNED.test(type)) out.push(span(get('dead')));
  });
  return out;
}

function calleeOf(node: SyntaxNode, literalIndex: Map<number, number>): GoCallee {
  while (node.type === 'parenthesized_expression' && named(node).length === 1) node = named(node)[0];
  if (node.type === 'identifier') return { kind: 'ident', name: node.text };
  if (node.type === 'selector_expression') {
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field');
    if (operand && field) return { kind: 'selector', base: valueRef(operand), name: field.text };
  }
  if (node.type === 'func_literal') return { kind: 'literal', literal: literalIndex.get(node.startIndex)! };
  const ref = valueRef(node);
  return ref.kind === 'other' ? { kind: 'dynamic' } : { kind: 'dynamic', ref };
}

function logImportName(facts: GoFileFacts): string | undefined {
  const imp = facts.imports.find((i) => i.path === 'log');
  return imp ? imp.name ?? 'log' : undefined;
}
