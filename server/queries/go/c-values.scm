; C.name used as a value rather than called: an exported function or C function turned into a
; pointer. Where it goes: an argument of a C.f(...) call, or a field of a C struct.
(selector_expression
  operand: (identifier) @pkg
  field: (field_identifier) @name
  (#eq? @pkg "C")) @use

(call_expression
  function: (selector_expression
    operand: (identifier) @cpkg
    field: (field_identifier) @cfn)
  arguments: (argument_list) @cargs
  (#eq? @cpkg "C")) @ccall

(assignment_statement
  left: (expression_list
    (selector_expression
      operand: (identifier) @base
      field: (field_identifier) @field))
  right: (expression_list) @values) @fieldset
