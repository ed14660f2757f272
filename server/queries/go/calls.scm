; Every call expression; conversions such as C.int(x) look the same and are told apart later.
(call_expression
  function: (_) @callee
  arguments: (argument_list) @args) @call
