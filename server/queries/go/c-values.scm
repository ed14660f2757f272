; C.name used as a value rather than called: an exported function or C function turned into a pointer.
; As an argument, with the function it is passed to (C.cb_t(C.goCb) names the pointer type).
(call_expression
  function: (_) @conv
  arguments: (argument_list
    (selector_expression
      operand: (identifier) @pkg
      field: (field_identifier) @name) @arg)
  (#eq? @pkg "C"))

; Anywhere else (assignments, composite literals); callees are told apart by offset.
(selector_expression
  operand: (identifier) @pkg
  field: (field_identifier) @name
  (#eq? @pkg "C")) @use
