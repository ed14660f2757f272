// C++ scopes by position: which namespaces and classes enclose an offset, and whether it sits in
// an `extern "C"` block. Qualified names (`ns::Class::method`) and C linkage are read from these.
import type { SyntaxNode } from '../parse/backend';
import { nameText } from './c-syntax';

interface Scope { start: number; end: number; name: string; kind: 'namespace' | 'class' | 'extern-c' }

export interface CppScopes {
  /** `ns::Class` around `offset` (namespaces and classes). */
  scopeAt(offset: number): string;
  /** The qualified class whose body holds `offset`, if any. */
  classAt(offset: number): string | undefined;
  externCAt(offset: number): boolean;
  /** `name` declared at `offset`, qualified by the scopes around it. */
  qualify(name: string, offset: number): string;
}

export function cppScopes(namespaces: SyntaxNode[], records: SyntaxNode[], linkages: SyntaxNode[]): CppScopes {
  const scopes: Scope[] = [];
  for (const n of namespaces) {
    const name = n.childForFieldName('name');
    const body = n.childForFieldName('body');
    if (name && body) scopes.push({ start: body.startIndex, end: body.endIndex, name: name.text.replace(/\s+/g, ''), kind: 'namespace' });
  }
  for (const r of records) {
    const name = r.childForFieldName('name');
    const body = r.childForFieldName('body');
    if (name && body) scopes.push({ start: body.startIndex, end: body.endIndex, name: nameText(name), kind: 'class' });
  }
  for (const l of linkages) {
    if (/^"C"$/.test(l.childForFieldName('value')?.text ?? '')) scopes.push({ start: l.startIndex, end: l.endIndex, name: '', kind: 'extern-c' });
  }
  scopes.sort((a, b) => a.start - b.start || b.end - a.end);
  const around = (offset: number) => scopes.filter((s) => s.start <= offset && offset < s.end);
  const chain = (list: Scope[]) => list.filter((s) => s.kind !== 'extern-c').map((s) => s.name).join('::');
  return {
    scopeAt: (offset) => chain(around(offset)),
    classAt(offset) {
      const list = around(offset);
      const last = list.filter((s) => s.kind !== 'extern-c').pop();
      return last?.kind === 'class' ? chain(list) : undefined;
    },
    externCAt: (offset) => around(offset).some((s) => s.kind === 'extern-c'),
    qualify(name, offset) {
      const outer = chain(around(offset).filter((s) => !(s.kind === 'class' && s.start > offset)));
      return outer ? `${outer}::${name}` : name;
    },
  };
}
