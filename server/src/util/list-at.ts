// Grouping into a Map of lists, without copying a list on every addition.

/** The list kept under `key`, created empty on first use. */
export function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
