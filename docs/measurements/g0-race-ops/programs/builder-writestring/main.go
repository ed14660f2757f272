// Unmeasured before: a method of an external type ((*strings.Builder).WriteString).
package main

import (
	"strings"
	_ "unsafe" // for go:linkname
)

//go:linkname g0hookEnabled runtime.g0hookEnabled
var g0hookEnabled bool

var sb strings.Builder

// g0hook runs on the system stack (g0) inside runtime.newproc1.
//
//go:norace
func g0hook() {
	sb.WriteString("x")
}

func main() {
	g0hookEnabled = true
	done := make(chan struct{})
	go func() { close(done) }()
	g0hookEnabled = false
	<-done
	println("survived")
}
