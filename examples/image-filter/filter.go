// Package imagefilter blurs and fills grey images in C. The blur's scratch buffer is sized from Go
// and lives on the system stack, and the flood fill recurses once per pixel of the region.
package imagefilter

/*
#include <string.h>

static void blur_row(unsigned char *row, int width) {
	unsigned char tmp[width]; // variable-length array sized by the caller
	memcpy(tmp, row, width);
	for (int x = 1; x + 1 < width; x++) {
		row[x] = (tmp[x - 1] + tmp[x] + tmp[x + 1]) / 3;
	}
}

// Paints the connected region of `from` pixels around (x, y): one stack frame per pixel.
static void flood(unsigned char *px, int width, int rows, int x, int y, unsigned char from, unsigned char to) {
	if (x < 0 || y < 0 || x >= width || y >= rows || px[y * width + x] != from) return;
	px[y * width + x] = to;
	flood(px, width, rows, x + 1, y, from, to);
	flood(px, width, rows, x - 1, y, from, to);
	flood(px, width, rows, x, y + 1, from, to);
	flood(px, width, rows, x, y - 1, from, to);
}

static void blur(unsigned char *px, int width, int rows) {
	for (int y = 0; y < rows; y++) blur_row(px + y * width, width);
}
*/
import "C"

import "unsafe"

// Blur smooths every row of a width × rows grey image in place.
func Blur(px []byte, width, rows int) {
	if len(px) < width*rows || width == 0 {
		return
	}
	C.blur((*C.uchar)(unsafe.Pointer(&px[0])), C.int(width), C.int(rows))
}

// Fill repaints the region of equal pixels around (x, y).
func Fill(px []byte, width, rows, x, y int, to byte) {
	if x < 0 || y < 0 || x >= width || y >= rows || len(px) < width*rows {
		return
	}
	p := (*C.uchar)(unsafe.Pointer(&px[0]))
	C.flood(p, C.int(width), C.int(rows), C.int(x), C.int(y), C.uchar(px[y*width+x]), C.uchar(to))
}
