// Reading C and C++ syntax into plain shapes (model/c-facts.ts), shared by both grammars: types
// from declarators (read inside out, as C declares them), expressions as far as values and types
// of calls need them, initializer lists, and signatures.
import type { SyntaxNode } from '../parse/backend';
import type { CExpr, CInit, CParam, CSignature, CType } from './c-facts';
import { named } from './syntax-util';

const DROP = /\b(const|volatile|restrict|__restrict|__restrict__|struct|union|enum|class|typename|static|extern|inline|__inline|__inline__|register|mutable|constexpr|thread_local|_Thread_local|__thread|__extension__|signed)\b/g;

/** `const struct foo` → `foo`; `unsigned` → `unsigned int`; whitespace collapsed. */
export function baseType(text: string): CType {
  let t = text.replace(/__attribute__\s*\(\([^)]*\)\)/g, ' ').replace(DROP, ' ').replace(/\s+/g, ' ').replace(/\s*(::|<|>|,|\*|&)\s*/g, '$1').trim();
  if (t.startsWith('::')) t = t.slice(2);
  if (t === '' || t === 'unsigned') return 'int';
  return t.replace(/\bunsigned\s+/, 'u').replace(/^(long|short|long long) int$/, '$1');
}

export interface Declared { name: string; nameNode: SyntaxNode | null; type: CType; dims: string[]; fn?: { params: CParam[]; variadic: boolean } }

/**
 * What a declarator declares: its name and full type, given the base type. `int *(*fp)(char)`
 * gives fp of type `fn<int*>(char)*`. Arrays of the outermost level are kept as `dims` (the
 * variable's own sizes); a function declarator right at the name gives `fn` (a declared function).
 */
export function declared(base: CType, decl: SyntaxNode | null): Declared {
  // Outermost layer first; each one changes the type of what it wraps (C reads inside out).
  const layers: SyntaxNode[] = [];
  let nameNode: SyntaxNode | null = null;
  for (let node = decl; node; node = inner(node)) {
    if (NAME_NODES.has(node.type)) { nameNode = node; break; }
    layers.push(node);
  }
  let type = base;
  const dims: string[] = [];
  let fn: Declared['fn'];
  layers.forEach((layer, k) => {
    switch (layer.type) {
      case 'pointer_declarator': case 'abstract_pointer_declarator':
        type += '*';
        break;
      case 'array_declarator': case 'abstract_array_declarator':
        if (atNameArray(layers, k)) dims.push(layer.childForFieldName('size')?.text ?? '');
        else type += '*';
        break;
      case 'function_declarator': case 'abstract_function_declarator': {
        const p = paramsOf(layer);
        if (k === layers.length - 1) fn = p;
        type = `fn<${type}>(${[...p.params.map((x) => x.type), ...(p.variadic ? ['...'] : [])].join(',')})`;
        break;
      }
      default: break; // parenthesized, reference, init, attributed: the type stays
    }
  });
  return { name: nameNode ? nameText(nameNode) : '', nameNode, type, dims, fn };
}

const NAME_NODES = new Set(['identifier', 'field_identifier', 'type_identifier', 'qualified_identifier', 'destructor_name', 'operator_name', 'template_function']);

/** Arrays directly around the name (no pointer or function layer between them and the name). */
function atNameArray(layers: SyntaxNode[], at: number): boolean {
  for (let k = at + 1; k < layers.length; k++) {
    const t = layers[k].type;
    if (t === 'pointer_declarator' || t === 'function_declarator' || t === 'abstract_pointer_declarator' || t === 'abstract_function_declarator') return false;
  }
  return true;
}

function inner(node: SyntaxNode): SyntaxNode | null {
  return node.childForFieldName('declarator') ?? (node.type === 'parenthesized_declarator' || node.type === 'reference_declarator' || node.type === 'abstract_parenthesized_declarator' || node.type === 'attributed_declarator' ? named(node).find((n) => !n.type.startsWith('attribute') && n.type !== 'type_qualifier') ?? null : null);
}

export function nameText(node: SyntaxNode): string {
  if (node.type === 'destructor_name') return '~' + (named(node)[0]?.text ?? '');
  if (node.type === 'template_function') return node.childForFieldName('name')?.text ?? node.text;
  if (node.type === 'qualified_identifier') return node.text.replace(/\s+/g, '').replace(/^::/, '').replace(/<[^<>]*>/g, '');
  if (node.type === 'operator_name') return node.text.replace(/\s+/g, '');
  return node.text;
}

/** The parameters of a function declarator (`(void)` is none; `...` makes it variadic). */
function paramsOf(fnDecl: SyntaxNode): { params: CParam[]; variadic: boolean } {
  const params: CParam[] = [];
  let variadic = false;
  const list = fnDecl.childForFieldName('parameters');
  for (const p of named(list)) {
    if (p.type === 'variadic_parameter' || p.text === '...') { variadic = true; continue; }
    if (p.type !== 'parameter_declaration' && p.type !== 'optional_parameter_declaration') continue;
    const typeNode = p.childForFieldName('type');
    const d = declared(baseType(typeNode?.text ?? ''), p.childForFieldName('declarator'));
    if (!p.childForFieldName('declarator') && d.type === 'void') continue;
    params.push({ name: d.name, type: d.dims.length ? d.type + '*' : d.type });
  }
  if (list && /\.\.\.\s*\)$/.test(list.text)) variadic = true;
  return { params, variadic };
}

export function signatureOf(base: CType, d: Declared): CSignature | undefined {
  return d.fn ? { params: d.fn.params.map((p) => p.type), variadic: d.fn.variadic, ret: base } : undefined;
}

/** Splits `fn<R>(A,B)*…` into its parts; undefined when the type is not a function (pointer). */
export function fnType(type: CType): { ret: CType; params: CType[]; variadic: boolean; stars: number } | undefined {
  if (!type.startsWith('fn<')) return undefined;
  let depth = 0, i = 2;
  for (; i < type.length; i++) {
    if (type[i] === '<') depth++;
    else if (type[i] === '>' && --depth === 0) break;
  }
  const ret = type.slice(3, i);
  const open = i + 1;
  depth = 0;
  let close = open;
  for (; close < type.length; close++) {
    if (type[close] === '(' || type[close] === '<') depth++;
    else if ((type[close] === ')' || type[close] === '>') && --depth === 0) break;
  }
  const params = splitTop(type.slice(open + 1, close));
  const variadic = params[params.length - 1] === '...';
  if (variadic) params.pop();
  return { ret, params, variadic, stars: type.length - close - 1 };
}

/** Splits at commas outside brackets. */
export function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if (c === '>' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { out.push(s.slice(start, i)); start = i + 1; }
  }
  if (s.slice(start).trim() !== '') out.push(s.slice(start));
  return out.map((x) => x.trim());
}

/** `static_cast<T>(x)` and its kin: conversions that keep the value, not calls. */
export const CPP_CASTS = /^(static|reinterpret|const|dynamic)_cast$/;

/** Context for expressions: which node is a call or lambda of the same file, by start offset. */
export interface ExprContext { callAt(start: number): number | undefined; lambdaAt(start: number): number | undefined }

/** An expression, as far as values and types go; anything else is `other`. */
export function exprOf(node: SyntaxNode | null, ctx: ExprContext): CExpr {
  for (let depth = 0; node && depth < 200; depth++) {
    switch (node.type) {
      case 'identifier': case 'field_identifier': return { kind: 'name', name: node.text };
      case 'qualified_identifier': return { kind: 'name', name: nameText(node) };
      case 'this': return { kind: 'this' };
      case 'parenthesized_expression': node = named(node)[named(node).length - 1] ?? null; continue;
      case 'comma_expression': node = node.childForFieldName('right'); continue;
      case 'field_expression': {
        const op = node.childForFieldName('operator')?.text ?? (node.text.includes('->') ? '->' : '.');
        const field = node.childForFieldName('field');
        return { kind: 'field', base: exprOf(node.childForFieldName('argument'), ctx), field: field ? nameText(field) : '', arrow: op === '->' };
      }
      case 'subscript_expression': return { kind: 'index', base: exprOf(node.childForFieldName('argument'), ctx) };
      case 'pointer_expression': {
        const op = node.childForFieldName('operator')?.text;
        const arg = exprOf(node.childForFieldName('argument'), ctx);
        return op === '&' ? { kind: 'addr', base: arg } : { kind: 'deref', base: arg };
      }
      case 'cast_expression': {
        const t = node.childForFieldName('type');
        return { kind: 'cast', type: typeDescriptor(t), base: exprOf(node.childForFieldName('value'), ctx) };
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        // C++ functional casts and static_cast<T>(x) keep the value.
        if (fn?.type === 'template_function' && CPP_CASTS.test(fn.childForFieldName('name')?.text ?? '')) {
          const arg = named(node.childForFieldName('arguments'))[0] ?? null;
          return { kind: 'cast', type: typeDescriptor(named(fn.childForFieldName('arguments'))[0] ?? null), base: exprOf(arg, ctx) };
        }
        const k = ctx.callAt(node.startIndex);
        return k === undefined ? { kind: 'other' } : { kind: 'call', call: k };
      }
      case 'lambda_expression': {
        const k = ctx.lambdaAt(node.startIndex);
        return k === undefined ? { kind: 'other' } : { kind: 'lambda', func: k };
      }
      case 'new_expression': return { kind: 'new', type: baseType(node.childForFieldName('type')?.text ?? '') + '*' };
      case 'conditional_expression': return { kind: 'choice', options: [exprOf(node.childForFieldName('consequence'), ctx), exprOf(node.childForFieldName('alternative'), ctx)] };
      case 'assignment_expression': node = node.childForFieldName('right'); continue;
      case 'string_literal': case 'concatenated_string': case 'raw_string_literal': return { kind: 'literal', type: 'char*' };
      case 'char_literal': return { kind: 'literal', type: 'char' };
      case 'number_literal': return { kind: 'literal', type: /[.eEpP]/.test(node.text) && !/^0[xX]/.test(node.text) ? 'double' : 'int' };
      case 'true': case 'false': return { kind: 'literal', type: 'bool' };
      case 'null': case 'nullptr': return { kind: 'literal', type: 'void*' };
      default: return { kind: 'other' };
    }
  }
  return { kind: 'other' };
}

/** `(struct foo *)` in a cast, `T` of a template argument. */
export function typeDescriptor(node: SyntaxNode | null): CType {
  if (!node) return '';
  if (node.type !== 'type_descriptor') return baseType(node.text);
  const d = declared(baseType(node.childForFieldName('type')?.text ?? ''), node.childForFieldName('declarator'));
  return d.type + '*'.repeat(d.dims.length);
}

export function initOf(node: SyntaxNode | null, ctx: ExprContext): CInit {
  if (!node || node.type !== 'initializer_list') return { kind: 'expr', expr: exprOf(node, ctx) };
  const items: { field?: string; value: CInit }[] = [];
  for (const item of named(node)) {
    if (item.type === 'initializer_pair') {
      const designators = named(item.childForFieldName('designator')).length ? named(item.childForFieldName('designator')) : [item.childForFieldName('designator')].filter((d): d is SyntaxNode => !!d);
      const first = designators[0];
      const field = first?.type === 'field_designator' ? named(first)[0]?.text : first?.type === 'field_identifier' ? first.text : undefined;
      items.push({ field, value: initOf(item.childForFieldName('value'), ctx) });
    } else items.push({ value: initOf(item, ctx) });
  }
  return { kind: 'list', items };
}
