// Command g0guard-editor-fixture is what the real-editor tests open
// (test/editors/): an //export function that can panic into C (export-panic)
// and a Go↔C recursion with no depth bound (cgo-callback-recursion).
package main

/*
int total_weight(int n);
void descend(int remaining);
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
)

var weights = []int{3, 5, 7}

//export goWeight
func goWeight(i C.int) C.int {
	if i < 0 || int(i) >= len(weights) {
		panic(fmt.Sprintf("weight index %d out of range", i))
	}
	return C.int(weights[i])
}

var levels int

//export goDescend
func goDescend(remaining C.int) {
	levels++
	if remaining > 0 {
		/* 递归：每层都在 g0 上 */ C.descend(remaining - 1)
	}
}

func main() {
	n := 3
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	fmt.Println("total weight:", int(C.total_weight(C.int(n))))
	C.descend(C.int(n))
	fmt.Println("levels:", levels)
}
