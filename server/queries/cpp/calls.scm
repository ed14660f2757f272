; Every call; the callee is a name (direct) or an expression (through a function pointer).
(call_expression
  function: (_) @callee
  arguments: (argument_list) @args) @call
