// Counting votes: how often each key was seen, and the key seen most (the first one counted
// wins a tie, as a stable sort by count would give).

export class Tally<K> extends Map<K, number> {
  add(key: K, weight = 1): this {
    return this.set(key, (this.get(key) ?? 0) + weight);
  }

  /** The most counted key and its count; undefined when nothing was counted. */
  top(): [K, number] | undefined {
    let best: [K, number] | undefined;
    for (const e of this) if (!best || e[1] > best[1]) best = e;
    return best;
  }

  /** Every key with its count, most counted first (ties in the order first counted). */
  ranked(): [K, number][] {
    return [...this].sort((a, b) => b[1] - a[1]);
  }

  total(): number {
    let n = 0;
    for (const v of this.values()) n += v;
    return n;
  }
}
