// Package tracehook copies a span name from parent to child goroutine. A tracing agent calls
// OnNewGoroutine from a hook it injects into the runtime's newproc1, so it runs on the system
// stack (g0): under -race, everything it reaches must be //go:norace and free of maps.
package tracehook

var spans = map[uint64]string{}

// OnNewGoroutine is called for every new goroutine.
//
//g0guard:systemstack called from the agent's newproc1 hook
//go:norace
func OnNewGoroutine(parent, child uint64) {
	name := spans[parent]
	record(child, name)
}

func record(id uint64, name string) {
	spans[id] = name
}
