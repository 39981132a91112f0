// The CLI as a function: `tga-mock [flags]` and `tga-mock token ...`. Everything the process
// touches (argv, env, output, files) comes in through `io`, so tests run it in-process and check
// exit codes; cli.ts only wires it to the real process and signals.
import { readFileSync } from 'node:fs';
import pino, { type DestinationStream } from 'pino';
import {
  helpText,
  option,
  packageVersion,
  readCommandLine,
  str,
  usageError,
  versionText,
  type CliSpec,
} from '../cli-kit';
import { claimsFor, DEMO_CLAIMS } from '../schema/token';
import { banner } from './banner';
import { MOCK_CLI, resolveOptions, SECRET_OPTION, usage } from './core/options';
import { createToken } from './core/tokenSignature';
import { createApp } from './http/app';
import { listen, loadTls, shutdown, type TlsMaterial } from './http/server';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  readFile?: (path: string) => string;
  /** Where request log lines go; default: stdout. */
  logStream?: DestinationStream;
}

export type CliResult = { exit: number } | { exit?: undefined; url: string; stop(): Promise<void> };

/** Exit codes: 0 done, 1 could not start (e.g. port in use), 2 bad flags, env or config. */
const BAD_USAGE = 2;

// `tga-mock token`: the secret is the server's own option row, so `token` and the mock agree on
// it (flag > env > the same default).
const TOKEN_CLI = {
  name: 'tga-mock token',
  synopsis: ['--app-name NAME --app-domain ORIGIN [--app-url URL] [--secret S]'],
  summary: 'Prints a token the mock started with the same secret accepts.',
  table: [
    option({ key: 'appName', valueName: 'NAME', parse: str, help: "the token's app_name (required)" }),
    option({
      key: 'appDomain',
      valueName: 'ORIGIN',
      parse: str,
      help: "the token's app_domain, the origin requests must come from (required)",
    }),
    option({
      key: 'appUrl',
      valueName: 'URL',
      parse: str,
      help: "the token's app_url",
      defaultText: 'https://t.me/NAME',
    }),
    SECRET_OPTION,
  ],
} satisfies CliSpec;

function tokenCommand(argv: string[], io: CliIo): CliResult {
  const line = readCommandLine(TOKEN_CLI, argv, io.env);
  if (line.kind === 'error') return usageFailure(io, TOKEN_CLI, line.error);
  if (line.kind !== 'run') {
    io.stdout(`${line.kind === 'help' ? helpText(TOKEN_CLI) : versionText()}\n`);
    return { exit: 0 };
  }
  const { appName, appDomain, appUrl, secret } = line.values;
  if (!appName || !appDomain) return usageFailure(io, TOKEN_CLI, '--app-name and --app-domain are required');
  io.stdout(`${createToken(claimsFor(appName, appDomain, appUrl), secret)}\n`);
  return { exit: 0 };
}

function usageFailure(io: CliIo, spec: CliSpec, error: string): CliResult {
  io.stderr(`${usageError(spec, error)}\n`);
  return { exit: BAD_USAGE };
}

export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  if (argv[0] === 'token') return tokenCommand(argv.slice(1), io);
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${usage()}\n`);
    return { exit: 0 };
  }
  if (argv.includes('--version')) {
    io.stdout(`${versionText()}\n`);
    return { exit: 0 };
  }
  const readFile = io.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const resolved = resolveOptions({ argv, env: io.env, readFile });
  if (!resolved.ok) return usageFailure(io, MOCK_CLI, resolved.error);
  const options = resolved.options;
  for (const w of resolved.warnings) io.stderr(`tga-mock: warning: ${w}\n`);
  const logger = pino({ level: options.logLevel, base: undefined }, io.logStream ?? pino.destination(1));
  let app;
  try {
    app = createApp(options, { logger });
  } catch (e) {
    io.stderr(`tga-mock: ${(e as Error).message}\n`);
    return { exit: BAD_USAGE };
  }
  // A certificate or key that cannot be used is a bad flag (exit 2), found before listening.
  let tls: TlsMaterial | undefined;
  try {
    tls = loadTls(options);
  } catch (e) {
    await app.mock.close();
    return usageFailure(io, MOCK_CLI, (e as Error).message);
  }
  let listening;
  try {
    listening = await listen(app, options.port, options.host, tls);
  } catch (e) {
    io.stderr(`tga-mock: cannot listen on ${options.host}:${options.port}: ${(e as Error).message}\n`);
    await app.mock.close();
    return { exit: 1 };
  }
  const demo = createToken(DEMO_CLAIMS, options.secret);
  io.stdout(
    banner({
      url: listening.url,
      version: packageVersion(),
      demoToken: demo,
      host: listening.allInterfaces ? options.host : undefined,
      adminToken: options.adminToken,
      tlsNames: tls?.names,
      answers: options.answers,
      upstream: options.upstream,
    }),
  );
  const { server, url } = listening;
  return { url, stop: () => shutdown(app, server) };
}
