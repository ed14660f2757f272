// Constants read from a package's text for depth limits: groups, iota, repeated expressions,
// typed specs, comments; and their values through go-constants (via the fixtures' guards).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { constantsInText } from '../../server/src/model/go-const-text';

describe('constants from Go text', () => {
  it('reads single specs, groups with iota and repetition, typed specs and lists, and skips function-local ones', () => {
    const c = constantsInText(`package p

const Max = 100 // 最大

const (
	A = iota * 2 /* doubled */
	B
	_
	D
	Limit int = Max + 1
	X, Y = 1 << 3, (2 + 3)
	Name = "depth"
)

func f() {
	const inner = 5
}
`);
    assert.deepEqual(c, { Max: '100', A: '0 * 2', B: '1 * 2', D: '3 * 2', Limit: 'Max + 1', X: '1 << 3', Y: '(2 + 3)', Name: '"depth"' });
  });
});
