// The shell examples of the docs, read as commands: split into simple commands, each resolved to
// the npm script or package bin it names and the CLI source behind it, whose generated --help says
// which flags and environment variables exist. Also replays the curl lines against a running mock.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './markdown';

export const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
  bin: Record<string, string>;
  exports: Record<string, string>;
};

/** One simple command: its words (quotes removed, `$(…)` and `$VAR` kept as written). */
export interface SimpleCommand {
  words: string[];
  /** `NAME=value` words before the command, and `export NAME=value`. */
  assigns: [string, string][];
  /** 1-based line in the page. */
  line: number;
  background: boolean;
  /** Comment lines right after the command (where the docs show what it answers). */
  comments: string[];
  /** Its trailing `# …` comment. */
  note: string;
}

/** Where a `#` outside quotes starts a comment, or -1. */
function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/** Splits on an operator outside quotes and `$(…)`. */
function splitOutside(text: string, op: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (quote === '"' && text.startsWith('$(', i)) depth++;
      else if (quote === '"' && c === ')' && depth > 0) depth--;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (text.startsWith('$(', i)) depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && text.startsWith(op, i)) {
      parts.push(text.slice(from, i));
      from = i + op.length;
      i += op.length - 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Shell words: quotes removed; `$(…)` (also inside double quotes) kept whole. */
export function words(text: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
      continue;
    }
    word ??= '';
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let depth = 0;
      for (; j < text.length && !(text[j] === '"' && depth === 0); j++) {
        if (text.startsWith('$(', j)) depth++;
        else if (text[j] === ')' && depth > 0) depth--;
      }
      word += text.slice(i + 1, j);
      i = j;
    } else if (text.startsWith('$(', i)) {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text.startsWith('$(', j)) depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      i = j;
    } else word += c;
  }
  if (word !== null) out.push(word);
  return out;
}

/** The simple commands of a `sh` block. */
export function parseShell(code: string, firstLine: number): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = firstLine + i;
    let text = lines[i];
    while (/\\\s*$/.test(text) && i + 1 < lines.length) text = text.replace(/\\\s*$/, ' ') + lines[++i];
    if (text.trim() === '') continue;
    if (text.trim().startsWith('#')) {
      commands.at(-1)?.comments.push(text.trim().replace(/^#\s*/, ''));
      continue;
    }
    const hash = commentStart(text);
    const note = hash < 0 ? '' : text.slice(hash + 1).trim();
    let body = (hash < 0 ? text : text.slice(0, hash)).trim();
    const background = body.endsWith('&') && !body.endsWith('&&');
    if (background) body = body.slice(0, -1);
    for (const part of splitOutside(body, '&&')) {
      const w = words(part);
      const assigns: [string, string][] = [];
      if (w[0] === 'export') w.shift();
      while (w.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0])) {
        const a = w.shift()!;
        assigns.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
      }
      commands.push({ words: w, assigns, line, background, comments: [], note });
    }
  }
  return commands;
}

/** The TypeScript source behind a compiled path (dist/x/y.js → x/y.ts), found by its shortest suffix. */
export function sourceOf(compiled: string): string | undefined {
  const parts = compiled.replace(/^\.\//, '').replace(/\.js$/, '.ts').split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const candidate = parts.slice(i).join('/');
    if (i < parts.length - 1 && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return existsSync(path.join(ROOT, parts.join('/'))) ? parts.join('/') : undefined;
}

/** A CLI as this repository runs it from source: a .ts file and the arguments its script adds. */
export interface CliSource {
  file: string;
  args: string[];
}

export function cliOfScript(name: string): CliSource | undefined {
  const script = pkg.scripts[name];
  if (script === undefined) return undefined;
  const last = words(splitOutside(script, '&&').at(-1)!);
  if (last[0] === 'ts-node') {
    const at = last.findIndex((w) => w.endsWith('.ts'));
    return at < 0 ? undefined : { file: last[at], args: last.slice(at + 1) };
  }
  if (last[0] === 'node' && last[1]?.endsWith('.js')) {
    const file = sourceOf(last[1]);
    return file ? { file, args: last.slice(2) } : undefined;
  }
  return undefined;
}

export function cliOfBin(name: string): CliSource | undefined {
  const bin = pkg.bin[name];
  const file = bin === undefined ? undefined : sourceOf(bin);
  return file ? { file, args: [] } : undefined;
}

/** The environment a docs example runs in: the developer's own TGA_* settings left out. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TGA_')));
}

export const TS_NODE = require.resolve('ts-node/dist/bin.js');

/** Runs a CLI from source; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCli(
  cli: CliSource,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TS_NODE, '--transpile-only', cli.file, ...cli.args, ...args],
      { cwd: ROOT, env: cleanEnv(), timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export interface Help {
  text: string;
  /** Every `--flag` the help names. */
  flags: Set<string>;
  /** Every TGA_* variable the help names. */
  env: Set<string>;
}

const helps = new Map<string, Promise<Help>>();

/** The CLI's --help (stdout and stderr: a CLI without --help still names its flags in the error). */
export function helpOf(cli: CliSource): Promise<Help> {
  const key = [cli.file, ...cli.args].join(' ');
  let found = helps.get(key);
  if (!found) {
    found = runCli(cli, ['--help']).then(({ stdout, stderr }) => {
      const text = `${stdout}\n${stderr}`;
      return {
        text,
        flags: new Set(text.match(/--[a-z][a-z0-9-]*/g) ?? []),
        env: new Set(text.match(/\bTGA_[A-Z0-9_]+/g) ?? []),
      };
    });
    helps.set(key, found);
  }
  return found;
}

export interface HelpOption {
  flag: string;
  env?: string;
  default?: string;
}

/**
 * The options of a --help text: an entry starts on a line indented by a few spaces and `--flag`
 * (or `-h, --help`) and runs on over deeper-indented lines; its env variable is the TGA_* name in
 * it, its default what `(default: …)` says.
 */
export function helpOptions(text: string): HelpOption[] {
  const options: HelpOption[] = [];
  let entry: string[] | null = null;
  const flush = () => {
    if (!entry) return;
    const all = entry.join(' ');
    const flag = /--[a-z][a-z0-9-]*/.exec(entry[0])![0];
    options.push({
      flag,
      env: /\bTGA_[A-Z0-9_]+/.exec(all)?.[0],
      default: /\(default:?\s*([^)]*)\)/.exec(all)?.[1].trim(),
    });
    entry = null;
  };
  for (const line of text.split('\n')) {
    if (/^ {1,6}(-[a-z], )?--[a-z]/.test(line)) {
      flush();
      entry = [line];
    } else if (entry && /^ {4,}\S/.test(line) && !/^\s*-/.test(line)) entry.push(line);
    else flush();
  }
  flush();
  return options;
}

export interface CurlRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A curl command line as the request it sends (curl's own defaults for -d included). */
export function curlRequest(
  args: string[],
): { ok: true; request: CurlRequest } | { ok: false; error: string } {
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-i' || a === '-s' || a === '-S' || a === '-sS') continue;
    else if (a === '-X') method = args[++i];
    else if (a === '-H') {
      const h = args[++i];
      headers[h.slice(0, h.indexOf(':')).trim()] = h.slice(h.indexOf(':') + 1).trim();
    } else if (a === '-d' || a === '--data' || a === '--data-raw') body = args[++i];
    else if (/^https?:\/\//.test(a)) url = a;
    else return { ok: false, error: `curl option ${a} is not understood by the replay` };
  }
  if (!url) return { ok: false, error: 'curl without a URL' };
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const { pathname, search } = new URL(url);
  return {
    ok: true,
    request: {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      path: pathname + search,
      headers,
      body,
    },
  };
}
