// Outputs are written through a temporary file and a rename, so that a reader (or a run
// killed part-way) never sees half a file.
import { open, rename, writeFile, type FileHandle } from 'node:fs/promises';

/** The temporary name: `<path>.tmp-<pid>`; a later run removes those a killed run left. */
export const TEMP_SUFFIX = /\.tmp-\d+$/;

const tempName = (path: string) => `${path}.tmp-${process.pid}`;

export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = tempName(path);
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** A file written piece by piece under its temporary name, renamed into place when closed. */
export class AtomicWriter {
  private constructor(private readonly path: string, private readonly tmp: string, private readonly file: FileHandle) {}

  static async open(path: string): Promise<AtomicWriter> {
    const tmp = tempName(path);
    return new AtomicWriter(path, tmp, await open(tmp, 'w'));
  }

  async write(text: string): Promise<void> {
    if (text !== '') await this.file.write(text);
  }

  async close(): Promise<void> {
    await this.file.close();
    await rename(this.tmp, this.path);
  }
}

/**
 * `JSON.stringify(items, null, 1)` and a newline, written an item at a time: an archive's
 * summary is longer than the longest string JavaScript can hold.
 */
export async function writeJsonArray(path: string, items: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  const out = await AtomicWriter.open(path);
  let first = true;
  for await (const item of items) {
    // each line of the item one level deeper (no JSON string holds a raw line break)
    await out.write(`${first ? '[\n' : ',\n'}${JSON.stringify(item, null, 1).replace(/^/gm, ' ')}`);
    first = false;
  }
  await out.write(first ? '[]\n' : '\n]\n');
  await out.close();
}
