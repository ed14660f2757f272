// Unmeasured before: strconv.Itoa, one argument, its result used (looks like a conversion).
package main

import (
	"strconv"
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var (
	s string
	n = 42
)

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	s = strconv.Itoa(n)
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
