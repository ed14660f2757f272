// The packages the race detector never instruments (cmd/internal/objabi/pkgspecial.go; hazards.md
// fact 10). Their functions need no //go:norace on g0. Code written to be injected into the runtime
// declares `package runtime` wherever it lives, so that name counts too.
import type { Package } from '../model/package';

const EXACT = new Set([
  'runtime', 'internal/abi', 'internal/byteorder', 'internal/chacha8rand', 'internal/coverage/rtcov', 'internal/cpu',
  'internal/goarch', 'internal/godebugs', 'internal/goexperiment', 'internal/goos', 'internal/profilerecord',
  'internal/stringslite', 'runtime/race', 'runtime/msan', 'runtime/asan',
]);

/** By import path: exact entries plus `runtime/internal/*` and `internal/runtime/*` (not internal/bytealg). */
export function neverInstrumentedPath(importPath: string): boolean {
  return EXACT.has(importPath) || importPath.startsWith('runtime/internal/') || importPath.startsWith('internal/runtime/');
}

export function neverInstrumented(pkg: Package): boolean {
  return pkg.name === 'runtime' || neverInstrumentedPath(pkg.importPath);
}
