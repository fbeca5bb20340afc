// Lines grouped by key on disk: what a comparison gathers per code from every document is more
// than memory holds for an archive, so it is appended to one file per key as it comes (buffered,
// written out once the buffers hold `flushBytes`) and read back a key at a time.

import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// what the buffers may hold before they are written out: a few appends per key per flush
const FLUSH_BYTES = 32 * 2 ** 20;

export class SpilledGroups {
  /** key → its file's number and the lines not yet written */
  private readonly groups = new Map<string, { file: number; pending: string[] }>();
  private buffered = 0;

  private constructor(private readonly dir: string, private readonly flushBytes: number) {}

  static async create(flushBytes = FLUSH_BYTES): Promise<SpilledGroups> {
    return new SpilledGroups(await mkdtemp(join(tmpdir(), 'kinerja-spill-')), flushBytes);
  }

  async add(key: string, line: string): Promise<void> {
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { file: this.groups.size, pending: [] }));
    g.pending.push(line);
    this.buffered += line.length;
    if (this.buffered >= this.flushBytes) await this.flush();
  }

  private async flush(): Promise<void> {
    for (const g of this.groups.values()) {
      if (g.pending.length === 0) continue;
      await appendFile(join(this.dir, `${g.file}.jsonl`), `${g.pending.join('\n')}\n`);
      g.pending = [];
    }
    this.buffered = 0;
  }

  /** The keys, in the order first added. */
  keys(): string[] {
    return [...this.groups.keys()];
  }

  /** A key's lines in the order they were added. */
  async lines(key: string): Promise<string[]> {
    await this.flush();
    const g = this.groups.get(key);
    if (!g) return [];
    return (await readFile(join(this.dir, `${g.file}.jsonl`), 'utf8')).split('\n').slice(0, -1);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
