// Added to package runtime through `go build -overlay`: newproc1 calls the program's
// main.g0hook on the system stack (g0) while main.g0hookEnabled is set, the way a tracing
// agent's hook in newproc1 runs.
package runtime

import _ "unsafe" // for go:linkname

var g0hookEnabled bool

//go:linkname g0hook main.g0hook
func g0hook()
