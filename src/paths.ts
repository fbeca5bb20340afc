// Where the package's own files are, whether this code runs compiled (dist/) or from its
// TypeScript sources (src/, under tsx in scripts and tests): the package root holds package.json
// and the data (`pipelines/`); the code directory is the one this module sits in.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory of the running code: dist/ or src/. */
export const CODE_DIR = dirname(fileURLToPath(import.meta.url));

/** The package root, one level above the code. */
export const PACKAGE_ROOT = join(CODE_DIR, '..');

/** The extractor's data: table families, units, the national nomenclature. */
export const PIPELINES_DIR = join(PACKAGE_ROOT, 'pipelines');
