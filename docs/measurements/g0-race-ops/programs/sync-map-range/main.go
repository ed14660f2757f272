// Unmeasured before: sync.Map.Range with a declared //go:norace function.
package main

import (
	"sync"
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var (
	sm sync.Map
	n  int
)

//go:norace
func visit(k, v interface{}) bool { n++; return true }

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	sm.Range(visit)
}

func main() {
	sm.Store(1, 2)
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
