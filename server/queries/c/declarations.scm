; Locals (stack frames), constants for array sizes, includes, function-pointer typedefs and
; identifiers in initializers (a function stored in a table).
(declaration) @decl
(preproc_def name: (identifier) @name value: (preproc_arg) @value) @define
(enumerator) @enumerator
(preproc_include) @include
(type_definition) @typedef
(initializer_list) @init
(declaration type: (_) @decl-type declarator: (init_declarator value: (initializer_list) @decl-init))
(assignment_expression) @assign
