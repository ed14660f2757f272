; C.name used as a value rather than called: an exported function or C function turned into a pointer.
(selector_expression
  operand: (identifier) @pkg
  field: (field_identifier) @name
  (#eq? @pkg "C")) @use
