; `if x < 0 { ... }`: never taken when x is unsigned (go vet says so too); panics inside are dead code.
(if_statement
  condition: (binary_expression
    left: (identifier) @value
    operator: "<"
    right: (int_literal) @limit)
  consequence: (block) @dead)
