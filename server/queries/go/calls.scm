; Every call expression; conversions such as C.int(x) look the same and are told apart later.
(call_expression
  function: (_) @callee
  arguments: (argument_list) @args) @call

; Calls that start a goroutine or are deferred. Captured here because a node's parent costs a walk
; from the root in tree-sitter: asking each call for it is quadratic on deep nesting.
(go_statement (call_expression) @go-call)
(defer_statement (call_expression) @defer-call)

; Deferred calls that are statements of a function body's top level (recover guards).
(function_declaration body: (block (statement_list (defer_statement (call_expression) @top-defer))))
(method_declaration body: (block (statement_list (defer_statement (call_expression) @top-defer))))
(func_literal body: (block (statement_list (defer_statement (call_expression) @top-defer))))
