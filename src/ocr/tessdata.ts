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

function fromFolder(dir: string): Tessdata | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir);
  const gzip = files.some((f) => f.endsWith('.traineddata.gz'));
  const has = (l: string) => files.includes(`${l}.traineddata${gzip ? '.gz' : ''}`);
  if (!has('eng') && !has('ind')) return null;
  return { langPath: dir, gzip, languages: ['ind', 'eng'].filter(has).join('+'), source: dir };
}

/** The language data to use; the two npm packages are linked into one folder, as tesseract.js wants. */
export function findTessdata(): Tessdata {
  const local = process.env.KINERJA_TESSDATA ? fromFolder(process.env.KINERJA_TESSDATA) : null;
  if (local) return local;
  const dir = join(tmpdir(), 'kinerja-extract-tessdata');
  mkdirSync(dir, { recursive: true });
  const langs: string[] = [];
  for (const lang of ['ind', 'eng']) {
    const src = packageDir(lang);
    const file = `${lang}.traineddata.gz`;
    if (!src || !existsSync(join(src, file))) continue;
    const dest = join(dir, file);
    if (!existsSync(dest)) {
      try { symlinkSync(join(src, file), dest); } catch { copyFileSync(join(src, file), dest); }
    }
    langs.push(lang);
  }
  if (!langs.length) throw new Error('no OCR language data: install @tesseract.js-data/eng (and /ind) or set KINERJA_TESSDATA');
  return { langPath: dir, gzip: true, languages: langs.join('+'), source: langs.map((l) => `@tesseract.js-data/${l}`).join(', ') };
}
