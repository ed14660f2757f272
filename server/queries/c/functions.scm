; Function definitions compiled by cgo (preamble, package .c files, included .c/.h files).
(function_definition) @func
