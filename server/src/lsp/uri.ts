// file: URIs ↔ paths. The engine works on paths; the client names documents by URI, and diagnostics
// must go back under the exact URI string the client used (percent-encoding differs between tools).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const known = new Map<string, string>();

/** The path of a file: URI, or undefined for other schemes (untitled:, git:, …) and bad input. */
export function uriToPath(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    const p = path.resolve(fileURLToPath(uri));
    if (!known.has(p)) known.set(p, uri);
    return p;
  } catch {
    return undefined;
  }
}

/** The URI the client used for this path, if it ever sent one, else the canonical file: URI. */
export function pathToUri(p: string): string {
  return known.get(p) ?? pathToFileURL(p).href;
}

/** Remembers the client's spelling of a document's URI (didOpen wins over earlier guesses). */
export function rememberUri(uri: string): string | undefined {
  const p = uriToPath(uri);
  if (p) known.set(p, uri);
  return p;
}
