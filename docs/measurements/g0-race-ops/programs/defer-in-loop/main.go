// Calibration (fact 7): a defer in a loop, not open-coded.
package main

import (
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var counter int

//go:norace
func nop() { counter++ }

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	for i := 0; i < 2; i++ {
		defer nop()
	}
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
