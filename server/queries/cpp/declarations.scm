; As queries/c/declarations.scm, plus classes, `using` aliases, namespaces and extern "C" blocks
; (the scopes names resolve in), range-for variables, new/delete and catch clauses.
(declaration) @decl
(type_definition) @typedef
(alias_declaration) @typedef
(struct_specifier body: (_)) @record
(union_specifier body: (_)) @record
(class_specifier body: (_)) @record
(enumerator_list) @enums
(assignment_expression) @assign
(return_statement) @return
(if_statement) @if
(namespace_definition) @namespace
(linkage_specification) @linkage
(for_range_loop) @range
(new_expression) @new
(delete_expression) @delete
(catch_clause) @catch
