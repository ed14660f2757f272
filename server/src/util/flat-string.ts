// A string built by `+` or a template is a tree of pieces (32 bytes each), a slice of a long
// string keeps the whole string alive, and a slice of a text holding any non-ASCII character takes
// two bytes a character even when it has none. A parsed copy is none of these.

/** A flat copy of `s` that owns its characters, one byte each when it can. */
export function flatString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
