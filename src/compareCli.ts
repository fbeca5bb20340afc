// `kinerja-compare <outputs…> [--out DIR]`: the comparison of every extracted document found in
// the files and folders given. A file that is not an extracted document is named with its
// reason and left out; the rest is compared. Exit status: 0 every file compared, 1 some file
// left out (or none to compare), 2 usage (a path that does not exist).
import { Command, CommanderError } from 'commander';
import { UsageError } from './batch/inputs.js';
import { compareDocuments } from './compare/index.js';
import { PACKAGE } from './fingerprint.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('kinerja-compare')
    .description('compare extracted documents across districts: one long table (JSON Lines, CSV, DuckDB, Parquet) and a per-code summary')
    .version(PACKAGE.version)
    .argument('<outputs...>', "folders of extracted JSON documents (the extract command's --out), or the documents themselves")
    .option('--out <dir>', 'where to write comparison.jsonl, comparison.csv, codes.json, datapackage.json, output.schema.json, comparison.duckdb and .parquet', 'out/compare')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv);
  } catch (err) {
    return err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') ? 0 : 2;
  }
  try {
    const r = await compareDocuments(program.args, program.opts<{ out: string }>().out);
    for (const s of r.skipped) console.error(`skip  ${s.file}: ${s.reason}`);
    // name the districts of a small comparison; an archive's hundreds are in codes.json
    const names = r.districts.length <= 10 ? ` (${r.districts.join('; ')})` : '';
    console.log(`${r.documents} documents, ${r.districts.length} districts${names}, ${r.rows} rows, ${r.codes} codes → ${r.files.join(', ')}`);
    if (r.documents === 0) console.error('error: no extracted documents to compare');
    return r.documents && r.skipped.every((s) => s.kind === 'failed_extraction') ? 0 : 1;
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return err instanceof UsageError ? 2 : 1;
  }
}
