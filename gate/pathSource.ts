// Where `--old PATH` / `--new PATH` read a side's schemas from, outside any repository: a folder
// of schema files (request.schema.json and the others by the names schema/ uses, generated/ for
// the strict variants), a checkout holding schema/ (its package.json gives the version), or one
// file, read as the request schema (the files it references are read from its folder).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReadFile } from './surfaces';

export interface PathSource {
  /** The path as given, resolved. */
  path: string;
  label: string;
  read: ReadFile;
  /** `schema/<name>` of every *.schema.json beside the request schema, for $refs to follow. */
  schemaFiles: string[];
  /** One file given: its strict variants are derived from it (generated/ beside it is another schema's). */
  lone: boolean;
}

const REQUEST = 'request.schema.json';

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The side at `given` (relative to the current directory), or why it cannot be read. */
export function openPath(given: string, flag: string): PathSource | { error: string } {
  const full = path.resolve(given);
  let isFile: boolean;
  try {
    isFile = statSync(full).isFile();
  } catch {
    return { error: `${flag} ${given} does not exist` };
  }
  const checkout = !isFile && readOrNull(path.join(full, 'schema', REQUEST)) !== null;
  const schemaDir = isFile ? path.dirname(full) : checkout ? path.join(full, 'schema') : full;
  const requestFile = isFile ? full : path.join(schemaDir, REQUEST);
  if (readOrNull(requestFile) === null)
    return { error: `${flag} ${given} holds no ${REQUEST} (nor schema/${REQUEST})` };
  const read: ReadFile = (rel) => {
    if (rel === 'package.json') return checkout ? readOrNull(path.join(full, rel)) : null;
    if (!rel.startsWith('schema/')) return null;
    const inSchema = rel.slice('schema/'.length);
    return readOrNull(inSchema === REQUEST ? requestFile : path.join(schemaDir, inSchema));
  };
  const schemaFiles = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => `schema/${f}`);
  return { path: full, label: given, read, schemaFiles, lone: isFile };
}
