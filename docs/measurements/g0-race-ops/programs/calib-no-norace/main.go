// Calibration (fact 7): the same hook without //go:norace.
package main

import (
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var counter int

// g0hook runs on the system stack (g0) inside runtime.newproc1.
func g0hook() {
	counter++
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
