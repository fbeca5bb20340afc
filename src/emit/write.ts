// Outputs are written through a temporary file and a rename, so that a reader (or a run
// killed part-way) never sees half a file.
import { rename, writeFile } from 'node:fs/promises';

/** The temporary name: `<path>.tmp-<pid>`; a later run removes those a killed run left. */
export const TEMP_SUFFIX = /\.tmp-\d+$/;

export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
