; Channel operations: send (a select case too), receive, close. Under -race they crash on g0.
(send_statement channel: (_) @channel) @send
(unary_expression operator: "<-" operand: (_) @channel) @receive
(call_expression
  function: (identifier) @builtin
  arguments: (argument_list . (_) @channel)
  (#eq? @builtin "close")) @close
