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

/** Drop what every memo holds. */
export function clearMemos(): void {
  for (const ref of every) {
    const memo = ref.deref();
    if (memo) memo.clear();
    else every.delete(ref);
  }
}
