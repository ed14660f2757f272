; C.name used as a value rather than called: an exported function or C function turned into a
; pointer (where it goes is read upwards from it, model/extract-go.ts).
(selector_expression
  operand: (identifier) @pkg
  field: (field_identifier) @name
  (#eq? @pkg "C")) @use
