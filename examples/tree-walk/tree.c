#include "tree.h"
#include "_cgo_export.h"

void visit_children(struct node *n, int depth) {
	for (struct node *c = n->first_child; c; c = c->next_sibling) {
		goVisit(c, depth);
	}
}
