#ifndef TREE_H
#define TREE_H
struct node {
	struct node *first_child;
	struct node *next_sibling;
};
void visit_children(struct node *n, int depth);
#endif
