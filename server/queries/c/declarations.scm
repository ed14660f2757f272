; Locals (stack frames), constants for array sizes, includes, function-pointer typedefs and
; identifiers in initializers (a function stored in a table).
(declaration) @decl
(preproc_def name: (identifier) @name value: (preproc_arg) @value) @define
(enumerator) @enumerator
(preproc_include) @include
(type_definition) @typedef
(initializer_list) @init
(assignment_expression) @assign
