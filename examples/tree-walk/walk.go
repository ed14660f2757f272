// Package treewalk walks a C tree and visits every node in Go. The visitor re-enters C for the
// children, so the recursion alternates Go → C → Go on the thread's system stack.
package treewalk

/*
#include "tree.h"
*/
import "C"

var visited int

//export goVisit
func goVisit(n *C.struct_node, depth C.int) {
	visited++
	C.visit_children(n, depth+1) // g0 grows on every level: nothing bounds the depth
}

// Walk visits every node below root.
func Walk(root *C.struct_node) int {
	visited = 0
	C.visit_children(root, 0)
	return visited
}
