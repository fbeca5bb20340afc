// The inputs the pipeline reads, by file extension: apart from the pipeline so that finding
// inputs (the batch's main thread) does not load the readers.

export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown', '.text']);

export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set([...TEXT_EXTENSIONS, '.pdf']);
