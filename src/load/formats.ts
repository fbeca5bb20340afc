// The inputs the pipeline reads, by file extension: apart from the pipeline so that finding
// inputs (the batch's main thread) does not load the readers.

export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown', '.text']);

/** HTML and XHTML (tables another converter made), hOCR and ALTO (OCR made elsewhere): told apart by content */
export const MARKUP_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm', '.xhtml', '.hocr', '.xml']);

export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set([...TEXT_EXTENSIONS, ...MARKUP_EXTENSIONS, '.pdf']);
