; Where values go (graph/go-values.ts follows function values through them): assignments,
; declarations, returns, sends, composite literals' elements and range clauses.
; Declarations (`:=`, `var`) are read with the locals (extract-go.ts): only `=` assignments here.
(assignment_statement left: (expression_list) @left operator: "=" right: (expression_list) @right) @assign
(return_statement (expression_list) @values) @return
(send_statement channel: (_) @channel value: (_) @value) @send
(composite_literal type: [(type_identifier) (qualified_type) (generic_type)] @type body: (literal_value) @body) @literal
(for_statement (range_clause left: (expression_list) @left "=" right: (_) @right) @range)

; Call statements with their block: what follows is dead if the call never returns, and a call
; in the body's own block ends the function if it never returns.
(statement_list (expression_statement (call_expression) @stmt-call)) @stmt-list
