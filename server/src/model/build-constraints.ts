// Which files a build for GOOS/GOARCH compiles: //go:build lines (and legacy // +build), and the
// _GOOS/_GOARCH file-name suffixes. cgo builds, so the `cgo` tag holds; so do gc, every go1.N and
// the configured buildTags (go build -tags).

export const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
export const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const UNIX = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris']);

export interface Target { goos: string; goarch: string; tags?: string[] }

function tagHolds(tag: string, t: Target): boolean {
  if (tag === t.goos || tag === t.goarch || tag === 'cgo' || tag === 'gc' || t.tags?.includes(tag)) return true;
  if (tag === 'unix') return UNIX.has(t.goos);
  if (tag === 'linux' && t.goos === 'android') return true;
  if (tag === 'darwin' && t.goos === 'ios') return true;
  return /^go1\.\d+$/.test(tag);
}

/** Evaluates a //go:build expression (||, &&, !, parentheses). */
export function evalBuildExpr(expr: string, t: Target): boolean {
  const tokens = expr.match(/\|\||&&|!|\(|\)|[\w.]+/g) ?? [];
  let pos = 0;
  const or = (): boolean => { let v = and(); while (tokens[pos] === '||') { pos++; v = and() || v; } return v; };
  const and = (): boolean => { let v = not(); while (tokens[pos] === '&&') { pos++; v = not() && v; } return v; };
  const not = (): boolean => {
    const tok = tokens[pos++];
    if (tok === '!') return !not();
    if (tok === '(') { const v = or(); pos++; return v; }
    return tok !== undefined && tagHolds(tok, t);
  };
  return tokens.length === 0 ? true : or();
}

/** Legacy `// +build a,b c` lines: spaces are OR, commas AND, every line must hold. */
function evalPlusBuild(lines: string[], t: Target): boolean {
  return lines.every((line) => line.split(/\s+/).filter(Boolean).some((alt) => evalPlusBuildLine(alt, t)));
}

/** One alternative of the legacy syntax (also `#cgo linux,!arm CFLAGS:`): comma-separated terms that must all hold. */
export function evalPlusBuildLine(alt: string, t: Target): boolean {
  return alt.split(',').every((term) => (term.startsWith('!') ? !tagHolds(term.slice(1), t) : tagHolds(term, t)));
}

/** The file-name rule: name_GOOS_GOARCH.ext, name_GOOS.ext, name_GOARCH.ext (ignoring _test). */
export function fileNameMatches(name: string, t: Target): boolean {
  const stem = name.replace(/\.[^.]+$/, '').replace(/_test$/, '');
  const parts = stem.split('_');
  if (parts.length < 2) return true;
  const last = parts[parts.length - 1], prev = parts[parts.length - 2];
  if (parts.length >= 3 && KNOWN_OS.has(prev) && KNOWN_ARCH.has(last)) return tagHolds(prev, t) && last === t.goarch;
  if (KNOWN_OS.has(last)) return tagHolds(last, t);
  if (KNOWN_ARCH.has(last)) return last === t.goarch;
  return true;
}

/** Reads the constraint lines in the header (before the package clause or first code line). */
/** What the name alone decides: a file it excludes need not even be read. */
export function nameIncluded(name: string, t: Target): boolean {
  return !name.startsWith('_') && !name.startsWith('.') && fileNameMatches(name, t);
}

export function fileIncluded(name: string, text: string, t: Target): boolean {
  if (!nameIncluded(name, t)) return false;
  const header = text.slice(0, 4096).split(/\r?\n/);
  const plus: string[] = [];
  for (const raw of header) {
    const line = raw.trim();
    if (line.startsWith('//go:build ')) return evalBuildExpr(line.slice(11), t);
    if (line.startsWith('// +build ')) plus.push(line.slice(10));
    else if (line !== '' && !line.startsWith('//') && !line.startsWith('/*') && !line.startsWith('*')) break;
  }
  return plus.length === 0 || evalPlusBuild(plus, t);
}
