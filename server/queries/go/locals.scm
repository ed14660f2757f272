; Declarations inside bodies, for the types of locals (method and map resolution).
(short_var_declaration) @short
(var_spec) @var
(range_clause) @range
