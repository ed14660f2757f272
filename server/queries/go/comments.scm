; Comments carry directives (//go:norace, //export, //go:linkname) and //g0guard:ignore.
(comment) @comment
