// Items grouped by a key, in the order first seen: the comparison, its report and the report's
// pages all group rows by code, district, table or type.

export function groupBy<T>(items: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
