// A cgo package whose names cross the boundary every way the editor features must follow: a Go
// file calling C through its preamble (a struct, an enum, a macro, a typedef, a prototype and a
// static function in the preamble, more in a header), a .c file defining the function, calling an
// //export back and naming the struct, and a .cc file whose extern "C" function calls C++ in an
// anonymous namespace. CJK text sits before every position the tests ask about.
export const BOUNDARY_FILES: Record<string, string> = {
  'go.mod': 'module example.com/boundary\n\ngo 1.19\n',
  'walk.h': `/* 木の節点 */
#ifndef WALK_H
#define WALK_H
#define MAX_DEPTH 64
struct node { struct node *kids[4]; int n; };
enum color { RED, GREEN };
typedef struct node node_t;
int visit(struct node *n, int depth);
#endif
`,
  'walk.c': `#include "walk.h"
#include "_cgo_export.h"

/* 訪問する */ int visit(struct node *n, int depth) {
  if (depth > MAX_DEPTH) return 0;
  /* 戻る */ return goVisit(n, depth + 1);
}
`,
  'count.cc': `// 子を数える: C++ behind a C name
#include "walk.h"

namespace {
int count_kids(const node_t *n) {
  int k = 0;
  for (int i = 0; i < 4; i++) k += n->kids[i] != nullptr;
  return k;
}
}  // namespace

extern "C" int kid_count(node_t *n) { /* 数 */ return count_kids(n); }
`,
  'main.go': `package main

/*
#include "walk.h"
// 葉の数を数える
static const char *leaf_tag = "葉"; static int leaves(struct node *n) { return n->n == 0; }
extern int goVisit(struct node *n, int depth); int kid_count(node_t *n);
*/
import "C"

//export goVisit
func goVisit(n *C.struct_node, depth C.int) C.int {
	/* 子へ */ return C.visit(n, depth) + C.int(C.leaves(n)) + C.kid_count(n)
}

func main() {
	var root C.node_t
	/* 色 */ _ = C.RED + C.MAX_DEPTH
	/* 根 */ goVisit(&root, 0)
}
`,
};
