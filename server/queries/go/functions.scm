; Every function body in a Go file: declarations, methods and literals (closures get nodes of their own).
(function_declaration) @func
(method_declaration) @func
(func_literal) @func
