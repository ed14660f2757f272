// The outline read that skips function bodies (parse/outline-holes.ts) against the outline of the
// whole parse, as the fuzzer and the bench check it on every file they read.
import { isDeepStrictEqual } from 'node:util';
import { extractGoOutline } from '../../server/src/model/extract-go';
import type { ParserBackend } from '../../server/src/parse/backend';

/**
 * 'same' or 'differ'; 'errors' when the whole parse finds syntax errors, where the two error
 * recoveries may differ. Both reads always run, so the skipping one meets every input.
 */
export function outlineAgreement(backend: ParserBackend, text: string): 'same' | 'differ' | 'errors' {
  const skipping = extractGoOutline(backend, text, false);
  const whole = extractGoOutline(backend, text, false, false);
  if (whole.errors) return 'errors';
  return isDeepStrictEqual(skipping, whole) ? 'same' : 'differ';
}
