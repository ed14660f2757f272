// Package jsonbridge lets a C host decode JSON with Go. A malformed document makes the Go side
// panic, and the panic unwinds through the host's C frames.
package jsonbridge

/*
#include <stdlib.h>
*/
import "C"

import (
	"encoding/json"
	"fmt"
)

//export goDecodeField
func goDecodeField(doc *C.char, key *C.char) *C.char {
	value := mustField(C.GoString(doc), C.GoString(key))
	return C.CString(value)
}

func mustField(doc, key string) string {
	var m map[string]string
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		panic(fmt.Sprintf("bad document: %v", err)) // 解析失败: unwinds into the C host
	}
	return m[key]
}
