; Comments carry //g0guard:ignore suppressions.
(comment) @comment
