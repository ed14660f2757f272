// Completion after `C.` in Go code, and signature help inside `C.f(...)`: the names the file's
// preamble unit declares (its C and the workspace headers it includes; system headers are never
// read), each as Go spells it (`C.struct_node`) with its C declaration as the detail. The cursor
// context is read from the document as typed; the names come from the file's last check.
import { CompletionItemKind, type CancellationToken, type CompletionItem, type CompletionParams, type SignatureHelp, type SignatureHelpParams } from 'vscode-languageserver';
import type { LineIndex } from '../text/line-index';
import { scanTokens } from '../text/code-tokens';
import { cgoNameOf, declarationText, packageSymbols, type CSiteKind, type CSymbolSite } from './c-symbols';
import type { Session } from './session';
import { goFileChecked } from './source-at';
import { uriToPath } from './uri';

const KIND: Record<CSiteKind, CompletionItemKind> = {
  function: CompletionItemKind.Function, prototype: CompletionItemKind.Function, struct: CompletionItemKind.Struct, union: CompletionItemKind.Struct,
  class: CompletionItemKind.Class, enum: CompletionItemKind.Enum, typedef: CompletionItemKind.TypeParameter, enumerator: CompletionItemKind.EnumMember,
  variable: CompletionItemKind.Variable, macro: CompletionItemKind.Constant,
};

export async function completion(session: Session, params: CompletionParams, token?: CancellationToken): Promise<CompletionItem[] | null> {
  const context = await goContext(session, params, token);
  if (!context || !/(?:^|[^\w.])C\.\w*$/.test(context.before)) return null;
  const items = new Map<string, CompletionItem>();
  for (const site of visibleSites(session, context.file)) {
    const label = cgoNameOf(site);
    const known = label && items.get(label);
    // One item per name: a definition's detail beats a declaration's.
    if (!label || (known && site.kind !== 'function')) continue;
    items.set(label, { label, kind: KIND[site.kind], detail: declarationText(site), labelDetails: { description: site.kind } });
  }
  return [...items.values()];
}

export async function signatureHelp(session: Session, params: SignatureHelpParams, token?: CancellationToken): Promise<SignatureHelp | null> {
  const context = await goContext(session, params, token);
  const call = context && openCall(context.before);
  if (!call) return null;
  const site = visibleSites(session, context.file).filter((s) => s.name === call.name && (s.kind === 'function' || s.kind === 'prototype'))[0];
  if (!site) return null;
  const label = declarationText(site, 400);
  const parameters = parameterSpans(label);
  // Offsets into the label count in the negotiated position units, as positions do.
  const units = (i: number) => session.codec.columnOf(label.slice(0, i));
  return {
    signatures: [{ label, parameters: parameters.map((p) => ({ label: [units(p.start), units(p.end)] as [number, number] })) }],
    activeSignature: 0,
    activeParameter: Math.min(call.argument, Math.max(0, parameters.length - 1)),
  };
}

/** The Go file and its text up to the cursor, when the cursor is in Go code (not a comment or literal). */
async function goContext(session: Session, params: CompletionParams | SignatureHelpParams, token?: CancellationToken): Promise<{ file: string; before: string } | undefined> {
  const file = params?.textDocument?.uri ? uriToPath(params.textDocument.uri) : undefined;
  if (!file?.endsWith('.go')) return undefined;
  const doc = session.docs.get(file);
  if (!doc) return undefined;
  const lines = session.docs.lines(doc);
  const offset = session.codec.offset(lines, params.position);
  const before = codeBefore(lines, offset);
  if (before === undefined) return undefined;
  await session.ready(file, { token, limitMs: 2000 });
  return { file, before };
}

/** The text of the last few lines before `offset`, or undefined when the offset is inside a comment or literal. */
function codeBefore(lines: LineIndex, offset: number): string | undefined {
  const text = lines.text;
  const open = text.lastIndexOf('/*', offset), close = text.lastIndexOf('*/', offset);
  if (open >= 0 && open > close) return undefined;
  const from = lines.lineStart(Math.max(0, lines.lineOf(offset) - 8));
  let inCode = true;
  scanTokens(text, 'go', (kind, start, end) => {
    if (end >= offset && start < offset) inCode = kind === 'ident' || kind === 'punct' || kind === 'number';
  }, from, offset);
  return inCode ? text.slice(from, offset) : undefined;
}

/** The innermost unclosed `C.name(` before the cursor and the argument the cursor is in. */
function openCall(before: string): { name: string; argument: number } | undefined {
  const stack: { at: number; commas: number }[] = [];
  scanTokens(before, 'go', (kind, start) => {
    if (kind !== 'punct') return;
    const c = before[start];
    if (c === '(' || c === '[' || c === '{') stack.push({ at: start, commas: 0 });
    else if (c === ')' || c === ']' || c === '}') stack.pop();
    else if (c === ',' && stack.length) stack[stack.length - 1].commas++;
  });
  const top = stack[stack.length - 1];
  if (!top || before[top.at] !== '(') return undefined;
  const m = /(?:^|[^\w.])C\.(\w+)\s*$/.exec(before.slice(0, top.at));
  return m ? { name: m[1], argument: top.commas } : undefined;
}

/** Where each parameter of a one-line C declaration is (`struct node *n`); `(void)` has none. */
function parameterSpans(decl: string): { start: number; end: number }[] {
  const open = decl.indexOf('(');
  if (open < 0) return [];
  const out: { start: number; end: number }[] = [];
  let depth = 0, start = open + 1;
  for (let i = open + 1; i < decl.length; i++) {
    const c = decl[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if ((c === ',' || c === ')') && depth === 0) {
      const p = decl.slice(start, i).trim();
      const at = decl.indexOf(p, start);
      if (p && p !== 'void') out.push({ start: at, end: at + p.length });
      start = i + 1;
      if (c === ')') break;
    }
  }
  return out;
}

/** The C names a Go file's preamble can use: its unit's views, in the package of its last check. */
function visibleSites(session: Session, file: string): CSymbolSite[] {
  const checked = goFileChecked(session, file);
  return checked ? packageSymbols(checked.pkg).sitesSeenFrom(file) : [];
}
