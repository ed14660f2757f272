// Unmeasured before: sync.Mutex.TryLock.
package main

import (
	"sync"
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var (
	mu   sync.Mutex
	held bool
)

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	if mu.TryLock() {
		held = true
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
