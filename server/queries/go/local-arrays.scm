; Local array declarations with their type: the frame a function takes on the stack it runs on.
(var_spec type: (array_type) @type) @local
(short_var_declaration
  right: (expression_list (composite_literal type: (array_type) @type) @value)) @local
