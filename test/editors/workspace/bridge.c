// The C half of the fixture: sums weights through the exported Go callback, and recurses
// through Go (descend -> goDescend -> descend) on the thread's system stack.
#include "_cgo_export.h"

int total_weight(int n) {
	int i, t = 0;
	for (i = 0; i < n; i++) {
		t += goWeight(i);
	}
	return t;
}

void descend(int remaining) {
	goDescend(remaining);
}
