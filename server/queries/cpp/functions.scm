; Function definitions (free functions, methods in and out of their class, constructors and
; destructors) and lambdas, which are functions of their own in the call graph.
(function_definition) @func
(lambda_expression) @func
