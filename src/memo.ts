// Memos: what a run computes again and again (number readings, name comparisons, nomenclature
// lookups) remembered by key. Each is bounded — dropped whole when it holds its maximum (simple,
// and refilled by the next few documents) — and all of them can be dropped at once: a
// long-running process frees their memory, and the bench times documents as first seen.

const every = new Set<WeakRef<Memo<unknown, unknown>>>();

export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {
    every.add(new WeakRef(this as Memo<unknown, unknown>));
  }

  /** The remembered value of `key`, else `compute()`'s, remembered. (`undefined` is never remembered.) */
  get(key: K, compute: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute();
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * `compute` remembered per object it is asked of (a WeakMap: forgotten with the object), for what
 * is worked out from an object that is not changed afterwards: a laid-out line, a document's lines,
 * its table views. Not bounded, not dropped by clearMemos: it lives as long as the object.
 */
export function perObject<K extends object, V extends boolean | object>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let v = memo.get(key);
    if (v !== undefined) return v;
    v = compute(key);
    memo.set(key, v);
    return v;
  };
}

/** Drop what every memo holds. */
export function clearMemos(): void {
  for (const ref of every) {
    const memo = ref.deref();
    if (memo) memo.clear();
    else every.delete(ref);
  }
}
