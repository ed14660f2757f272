// Facts keep names as keys of plain objects: a Go name such as `constructor` or `toString` must not
// find Object.prototype's members, so lookups go through these.

export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function has(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}
