#include <stdio.h>
#include <stdlib.h>
#include "_cgo_export.h"

/* The C host asks Go for one field and frees the answer. */
void host_print_field(char *doc, char *key) {
	char *v = goDecodeField(doc, key);
	printf("%s\n", v);
	free(v);
}
