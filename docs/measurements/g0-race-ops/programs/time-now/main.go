// Unmeasured before: time.Now.
package main

import (
	"time"
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var t time.Time

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	t = time.Now()
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
