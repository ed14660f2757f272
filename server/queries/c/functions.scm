; Function definitions compiled by cgo (preamble, package .c files, included files).
(function_definition) @func
