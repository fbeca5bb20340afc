// Items grouped by a key, in the order first seen: the comparison, its report and the report's
// pages all group rows by code, district, table or type; the cross-table check columns by table.

export function groupBy<T, K = string>(items: Iterable<T>, key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
