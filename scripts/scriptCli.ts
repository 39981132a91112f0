// The command line of the bench, soak and fuzz scripts, through the same option-table helper as
// tga-mock and tga-conformance: --help from the table, --version, one line naming a bad flag (exit 2).
import { writeSync } from 'node:fs';
import {
  helpText,
  readCommandLine,
  usageError,
  versionText,
  type CliSpec,
  type OptionTable,
  type OptionValues,
} from '../cli-kit';

/** The script's options (typed by its table), or exits: 0 after --help/--version, 2 after a usage error. */
export function scriptOptions<Tb extends OptionTable>(
  spec: CliSpec<Tb>,
  argv: readonly string[] = process.argv.slice(2),
): OptionValues<Tb> {
  const line = readCommandLine(spec, argv);
  if (line.kind === 'run') return line.values;
  if (line.kind === 'error') {
    writeSync(2, `${usageError(spec, line.error)}\n`); // synchronous: process.exit follows
    process.exit(2);
  }
  writeSync(1, `${line.kind === 'help' ? helpText(spec) : versionText()}\n`);
  process.exit(0);
}
