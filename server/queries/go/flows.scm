; Where values go (graph/go-values.ts follows function values through them): assignments,
; declarations, returns, sends, composite literals' elements and range clauses.
(assignment_statement left: (expression_list) @left right: (expression_list) @right) @assign
(short_var_declaration left: (expression_list) @left right: (expression_list) @right) @assign
(var_spec value: (expression_list) @right) @spec
(return_statement (expression_list) @values) @return
(send_statement channel: (_) @channel value: (_) @value) @send
(composite_literal type: (_) @type body: (literal_value) @body) @literal
(range_clause left: (expression_list) @left right: (_) @right) @range

; Call statements followed by more statements in their block: dead code if the call never returns.
(statement_list (expression_statement (call_expression) @stmt-call) . (_)) @stmt-list
