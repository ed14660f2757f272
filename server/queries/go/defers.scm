; Defers and returns: whether the compiler can open-code a defer (a defer it cannot is fatal on g0).
(defer_statement) @defer
(return_statement) @return
