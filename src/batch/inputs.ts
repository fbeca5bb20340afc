// What a batch was given: the files named on the command line and every file below the folders
// named, each with the path its output mirrors (`in/a/renja.pdf` under `in` → `a/renja.pdf`).
// Nothing found is dropped without a word: a file of a type the tool does not read is listed as
// `unsupported`, a dangling link or a folder that cannot be read as `unreadable`.

import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { INPUT_EXTENSIONS } from '../load/formats.js';

export interface InputEntry {
  /** the path as found: an argument, or joined below one */
  path: string;
  /** its path below the folder it was found in (its name for a file given by name) */
  rel: string;
  kind: 'input' | 'unsupported' | 'unreadable';
  /** why it is not an input (`unsupported type .docx`, `dangling symbolic link`…) */
  reason?: string;
}

/** A mistake in the command itself (a path that does not exist): exit status 2. */
export class UsageError extends Error {}

const errno = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error';

/** A file found, by its extension: an input, or listed as unsupported. */
function fileEntry(path: string, rel: string): InputEntry {
  const ext = extname(path).toLowerCase();
  if (INPUT_EXTENSIONS.has(ext)) return { path, rel, kind: 'input' };
  return { path, rel, kind: 'unsupported', reason: ext ? `unsupported type ${ext}` : 'no file extension' };
}

interface Walk {
  root: string;
  /** real paths of folders already read (a link back up the tree would loop) and of the output folder */
  seen: Set<string>;
  out: InputEntry[];
}

async function walk(dir: string, w: Walk): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    w.out.push({ path: dir, rel: relative(w.root, dir), kind: 'unreadable', reason: `folder cannot be read (${errno(err)})` });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const rel = relative(w.root, path);
    let s;
    try {
      s = await stat(path);
    } catch (err) {
      const link = await lstat(path).then((l) => l.isSymbolicLink(), () => false);
      w.out.push({ path, rel, kind: 'unreadable', reason: link ? 'dangling symbolic link (its target is missing)' : `cannot be read (${errno(err)})` });
      continue;
    }
    if (s.isDirectory()) {
      // hidden folders (.git, .cache) hold no documents; listed once, not read
      if (name.startsWith('.')) {
        w.out.push({ path, rel, kind: 'unsupported', reason: 'hidden folder, not read' });
        continue;
      }
      const real = await realpath(path);
      if (w.seen.has(real)) continue;
      w.seen.add(real);
      await walk(path, w);
    } else if (s.isFile()) w.out.push(fileEntry(path, rel));
    else w.out.push({ path, rel, kind: 'unsupported', reason: 'not a regular file' });
  }
}

/**
 * Every input below `args`, in a fixed order: arguments in the order given, folders read in
 * name order. A path that does not exist is a usage error; `exclude` (the output folder) is
 * not read.
 */
export async function discoverInputs(args: string[], exclude: string[] = []): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  const seen = new Set<string>();
  for (const x of exclude) seen.add(await realpath(x).catch(() => resolve(x)));
  for (const arg of args) {
    let s;
    try {
      s = await stat(arg);
    } catch (err) {
      const link = await lstat(arg).then((l) => l.isSymbolicLink(), () => false);
      if (!link) throw new UsageError(`${arg}: no such file or folder (${errno(err)})`);
      out.push({ path: arg, rel: basename(arg), kind: 'unreadable', reason: 'dangling symbolic link (its target is missing)' });
      continue;
    }
    if (s.isDirectory()) {
      const real = await realpath(arg);
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(arg, { root: arg, seen, out });
    } else if (s.isFile()) out.push(fileEntry(arg, basename(arg)));
    else out.push({ path: arg, rel: basename(arg), kind: 'unsupported', reason: 'not a regular file' });
  }
  return out;
}
