; Calls that run their argument on the system stack (g0): systemstack(fn) and mcall(fn).
(call_expression
  function: (identifier) @callee
  arguments: (argument_list . (_) @arg)
  (#match? @callee "^(systemstack|mcall)$")) @call
