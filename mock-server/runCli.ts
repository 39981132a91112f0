// The CLI as a function: `tga-mock [flags]` and `tga-mock token ...`. Everything the process
// touches (argv, env, output, files) comes in through `io`, so tests run it in-process and check
// exit codes; cli.ts only wires it to the real process and signals.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino, { type DestinationStream } from 'pino';
import { banner } from './banner';
import { resolveOptions, usage } from './core/options';
import { createToken } from './core/token';
import { createApp } from './http/app';
import { listen, shutdown } from './http/server';
import { packageVersion } from './http/version';

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

function tokenCommand(argv: string[], io: CliIo): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'app-name': { type: 'string' },
        'app-domain': { type: 'string' },
        'app-url': { type: 'string' },
        secret: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    io.stderr(`tga-mock token: ${(e as Error).message}\n`);
    return { exit: BAD_USAGE };
  }
  if (values.help) {
    io.stdout(
      `${usage()
        .split('\n')[1]
        .trim()
        .replace(/^tga-mock/, 'Usage: tga-mock')}\n`,
    );
    return { exit: 0 };
  }
  const name = values['app-name'] as string | undefined;
  const domain = values['app-domain'] as string | undefined;
  if (!name || !domain) {
    io.stderr('tga-mock token: --app-name and --app-domain are required\n');
    return { exit: BAD_USAGE };
  }
  // The same resolver as the server, so `token` and the mock agree on the secret (flag > env > default).
  const secretFlag = typeof values.secret === 'string' ? ['--secret', values.secret] : [];
  const resolved = resolveOptions({ argv: secretFlag, env: { TGA_MOCK_SECRET: io.env.TGA_MOCK_SECRET } });
  if (!resolved.ok) {
    io.stderr(`tga-mock token: ${resolved.error}\n`);
    return { exit: BAD_USAGE };
  }
  const appUrl = (values['app-url'] as string | undefined) ?? `https://t.me/${name}`;
  io.stdout(
    `${createToken({ app_name: name, app_url: appUrl, app_domain: domain }, resolved.options.secret)}\n`,
  );
  return { exit: 0 };
}

export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  if (argv[0] === 'token') return tokenCommand(argv.slice(1), io);
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${usage()}\n`);
    return { exit: 0 };
  }
  const readFile = io.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const resolved = resolveOptions({ argv, env: io.env, readFile });
  if (!resolved.ok) {
    io.stderr(`tga-mock: ${resolved.error}\nRun tga-mock --help for the options.\n`);
    return { exit: BAD_USAGE };
  }
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
  let listening;
  try {
    listening = await listen(app, options.port, options.host);
  } catch (e) {
    io.stderr(`tga-mock: cannot listen on ${options.host}:${options.port}: ${(e as Error).message}\n`);
    await app.mock.close();
    return { exit: 1 };
  }
  const demo = createToken(
    { app_name: 'docs', app_url: 'https://t.me/docs', app_domain: 'http://localhost' },
    options.secret,
  );
  io.stdout(banner(listening.url, packageVersion(), demo));
  const { server, url } = listening;
  return { url, stop: () => shutdown(app, server) };
}
