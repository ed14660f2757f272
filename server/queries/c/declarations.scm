; Declarations (locals and frames, globals and tables, prototypes), types (structs, unions,
; typedefs, enums) and the statements through which function values flow.
(declaration) @decl
(type_definition) @typedef
(struct_specifier body: (_)) @record
(union_specifier body: (_)) @record
(enumerator_list) @enums
(assignment_expression) @assign
(return_statement) @return
(if_statement) @if
