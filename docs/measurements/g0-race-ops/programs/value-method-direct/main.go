// Unmeasured before: a //go:norace value-receiver method called directly (no interface).
package main

import (
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

type pair struct{ a, b int }

//go:norace
func (p pair) sum() int { return p.a + p.b }

var (
	p = pair{1, 2}
	n int
)

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	n = p.sum()
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
