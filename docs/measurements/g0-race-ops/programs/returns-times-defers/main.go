// Unmeasured before: 2 defers and 8 returns (16 > 15: not open-coded).
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
	defer nop()
	defer nop()
	if counter == 100 {
		return
	}
	if counter == 101 {
		return
	}
	if counter == 102 {
		return
	}
	if counter == 103 {
		return
	}
	if counter == 104 {
		return
	}
	if counter == 105 {
		return
	}
	if counter == 106 {
		return
	}
	return
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
