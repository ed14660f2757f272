; Operations that touch a map if their operand is one (a slice or string index looks the same; the
; g0 rules decide from declared types). Map operations call the race detector themselves, norace or not.
(index_expression operand: (_) @operand) @index
(range_clause right: (_) @operand) @range
(composite_literal type: [(map_type) (type_identifier) (qualified_type) (generic_type)] @type) @literal
(call_expression
  function: (identifier) @builtin
  arguments: (argument_list . (_) @operand)
  (#match? @builtin "^(delete|clear)$")) @call
