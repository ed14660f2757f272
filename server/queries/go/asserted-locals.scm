; `t, ok := v.(T)` and `t := v.(T)`: the local gets type T (how runtime hooks reach user methods
; through an interface, e.g. `if s, ok := ctx.(Snapshoter); ok { s.Snapshot() }`).
(short_var_declaration
  left: (expression_list . (identifier) @name)
  right: (expression_list . (type_assertion_expression type: (_) @type) .)) @decl
