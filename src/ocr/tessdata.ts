// Where tesseract.js finds its language data, offline: the traineddata npm packages
// (@tesseract.js-data/ind and /eng), or a local folder named by KINERJA_TESSDATA (Debian's
// tesseract-ocr-ind installs one). Nothing is ever fetched: a missing language is left out.

import { existsSync, mkdirSync, symlinkSync, copyFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Tessdata {
  langPath: string;
  gzip: boolean;
  /** `ind+eng` when Indonesian is there, else `eng` */
  languages: string;
  source: string;
}

const require = createRequire(import.meta.url);

/** The folder holding `<lang>.traineddata.gz` in a @tesseract.js-data package, or null. */
function packageDir(lang: string): string | null {
  try {
    return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0');
  } catch {
    return null;
  }
}

function fromFolder(dir: string, wanted: readonly string[]): Tessdata | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir);
  const gzip = files.some((f) => f.endsWith('.traineddata.gz'));
  const has = (l: string) => files.includes(`${l}.traineddata${gzip ? '.gz' : ''}`);
  if (!wanted.some(has)) return null;
  return { langPath: dir, gzip, languages: wanted.filter(has).join('+'), source: dir };
}

/**
 * The language data for `wanted` (in that order), of what is installed; the two npm packages are
 * linked into one folder, as tesseract.js wants. A wanted language not installed is left out;
 * none of them installed is an error.
 */
export function findTessdata(wanted: readonly string[]): Tessdata {
  const local = process.env.KINERJA_TESSDATA ? fromFolder(process.env.KINERJA_TESSDATA, wanted) : null;
  if (local) return local;
  const dir = join(tmpdir(), 'kinerja-extract-tessdata');
  mkdirSync(dir, { recursive: true });
  const langs: string[] = [];
  for (const lang of wanted) {
    const src = packageDir(lang);
    const file = `${lang}.traineddata.gz`;
    if (!src || !existsSync(join(src, file))) continue;
    const dest = join(dir, file);
    if (!existsSync(dest)) {
      try { symlinkSync(join(src, file), dest); } catch { copyFileSync(join(src, file), dest); }
    }
    langs.push(lang);
  }
  if (!langs.length) throw new Error(`no OCR language data for ${wanted.join('+')}: install @tesseract.js-data/${wanted[0]} or set KINERJA_TESSDATA to a folder holding ${wanted[0]}.traineddata`);
  return { langPath: dir, gzip: true, languages: langs.join('+'), source: langs.map((l) => `@tesseract.js-data/${l}`).join(', ') };
}
