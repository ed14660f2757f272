// Go constant expressions as depth limits: integers, named constants of the package or of an
// imported workspace package (typed or untyped, iota already replaced when read), and + - * / % <<
// >> with parentheses. `undefined`: not a constant (a variable: no bound); null: a constant whose
// value the workspace does not hold (an external package's): a bound of unknown size.
import type { Package } from '../model/package';
import { intLiteral } from '../model/syntax-util';
import type { WorkspaceIndex } from './callgraph';
import { importAliases, packageOf } from './go-decls';
import { constantsInText } from '../model/go-const-text';
import { own } from '../util/own';

type Value = number | null | undefined;

export function constantValue(index: WorkspaceIndex, pkg: Package, expr: string, depth = 0): Value {
  const tokens = expr.match(/[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?|0[xXbBoO][\w]+|\d[\d_]*|<<|>>|[-+*/%()]|\S/g) ?? [];
  let i = 0;
  const name = (t: string): Value => {
    if (depth > 16) return undefined;
    const dot = t.indexOf('.');
    if (dot < 0) {
      const text = own(constantsOf(pkg), t);
      return text === undefined ? undefined : constantValue(index, pkg, text, depth + 1);
    }
    const alias = t.slice(0, dot);
    const other = packageOf(index, pkg, alias);
    if (!other) return pkg.goFiles.some((f) => importAliases(f).has(alias)) ? null : undefined; // an external package's constant, or no constant
    const text = own(constantsOf(other), t.slice(dot + 1));
    return text === undefined ? undefined : constantValue(index, other, text, depth + 1);
  };
  const primary = (): Value => {
    const t = tokens[i++];
    if (t === undefined) return undefined;
    if (t === '(') { const v = sum(); return tokens[i++] === ')' ? v : undefined; }
    if (t === '-') { const v = primary(); return typeof v === 'number' ? -v : v; }
    if (t === '+') return primary();
    const n = intLiteral(t);
    if (n !== null) return n;
    return /^[A-Za-z_]/.test(t) ? name(t) : undefined;
  };
  const apply = (a: Value, op: string, b: Value): Value => {
    if (a === undefined || b === undefined) return undefined;
    if (a === null || b === null) return null;
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? undefined : Math.trunc(a / b);
      case '%': return b === 0 ? undefined : a % b;
      case '<<': return a * 2 ** b;
      default: return Math.floor(a / 2 ** b);
    }
  };
  const product = (): Value => {
    let v = primary();
    while (['*', '/', '%', '<<', '>>'].includes(tokens[i])) { const op = tokens[i++]; v = apply(v, op, primary()); }
    return v;
  };
  const sum = (): Value => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') { const op = tokens[i++]; v = apply(v, op, product()); }
    return v;
  };
  const v = sum();
  return i === tokens.length ? v : undefined;
}

const constCache = new WeakMap<Package, Record<string, string>>();

/** The package's constants, read from its files' text the first time a guard names one. */
function constantsOf(pkg: Package): Record<string, string> {
  let c = constCache.get(pkg);
  if (!c) {
    c = {};
    for (const f of pkg.goFiles) Object.assign(c, constantsInText(f.text));
    constCache.set(pkg, c);
  }
  return c;
}
