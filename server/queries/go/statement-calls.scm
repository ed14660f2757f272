; Calls whose result is discarded: never a type conversion (a conversion statement does not compile).
(expression_statement (call_expression) @call)
