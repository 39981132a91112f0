// "No silent loss" and "an event is journaled only if its 201 was written" (issue 14), over real
// sockets and a real process:
// - a valid POST pipelined ahead of a malformed request: the client reads 400 MALFORMED_REQUEST
//   and the connection closes, so the 201 never reaches it; nothing may be recorded;
// - `--journal-file /dev/full`: every write fails with ENOSPC; the mock says so in its log and in
//   /__mock/health, and with --journal-file-required it answers 500 instead of 201.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { listeningUrl } from '../../mock-server/test-support/listeningUrl';
import { startMock } from '../../mock-server/startMock';
import { DEV_SECRET } from '../../mock-server/core/options';
import { createToken } from '../../mock-server/core/tokenSignature';
import { DEMO_CLAIMS } from '../../schema/token';

jest.setTimeout(60_000);

const EVENT = {
  event_name: 'app-init',
  session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
  user_id: 5123456789,
  app_name: 'docs',
};
const BODY = JSON.stringify([EVENT]);

/** Sends raw bytes on one connection and collects everything the server sends back until it closes. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    let got = '';
    socket.on('data', (d) => (got += d.toString()));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no close within 10 s')));
  });
}

test('a valid POST pipelined ahead of a malformed request is not recorded when its 201 is never delivered', async () => {
  const mock = await startMock({ rateLimit: 0 });
  try {
    const post =
      `POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `TGA-Auth-Token: ${mock.token()}\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`;
    const got = await rawExchange(mock.url, post + 'THIS IS NOT HTTP\r\n\r\n');
    const statuses = [...got.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1]);
    // The client received only the 400 (Node answers the parse error at once and closes): the
    // POST's 201 was never delivered, so nothing is recorded and the request log says so.
    expect(statuses).toEqual(['400']);
    expect(mock.events()).toEqual([]);
    const log = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
      requests: { status: number; delivered: boolean }[];
    };
    expect(log.requests).toEqual([expect.objectContaining({ status: 201, delivered: false })]);
    // The same request alone is recorded: the test can tell the two apart.
    const alone = await rawExchange(
      mock.url,
      post.replace('HTTP/1.1\r\n', 'HTTP/1.1\r\nConnection: close\r\n'),
    );
    expect(alone).toMatch(/^HTTP\/1\.1 201/);
    expect(mock.events()).toHaveLength(1);
  } finally {
    await mock.close();
  }
});

describe('--journal-file /dev/full', () => {
  const CLI = path.join(__dirname, '../../mock-server/cli.ts');
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  function start(extra: string[]): { child: ChildProcess; stderr: () => string; stdout: () => string } {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        CLI,
        '--port',
        '0',
        '--journal-file',
        '/dev/full',
        '--log-level',
        'error',
        ...extra,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    return { child, stderr: () => err, stdout: () => out };
  }

  // A token for the development secret, which the processes below use.
  const DEMO_TOKEN = createToken(DEMO_CLAIMS, DEV_SECRET);
  const send = (url: string) =>
    fetch(`${url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tga-auth-token': DEMO_TOKEN },
      body: BODY,
    });

  beforeAll(() => {
    if (!existsSync('/dev/full')) throw new Error('this test needs /dev/full (Linux)');
  });

  test('the default: 201, but the failure is logged and counted in /__mock/health', async () => {
    const p = start([]);
    const url = await listeningUrl(p.child);
    expect((await send(url)).status).toBe(201);
    let file: { errors: number; lines_lost: number; last_error?: string } | undefined;
    for (let i = 0; i < 50; i++) {
      file = ((await (await fetch(`${url}/__mock/health`)).json()) as { counts: { file: typeof file } })
        .counts.file;
      if (file && file.errors > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(file).toMatchObject({ errors: 1, lines_lost: 1, last_error: expect.stringMatching(/ENOSPC/) });
    expect(p.stdout() + p.stderr()).toMatch(/journal file write failed/);
  });

  test('--journal-file-required: 500 JOURNAL_WRITE_FAILED instead of 201, and nothing recorded', async () => {
    const p = start(['--journal-file-required']);
    const url = await listeningUrl(p.child);
    const res = await send(url);
    expect(res.status).toBe(500);
    expect(res.headers.get('tga-mock-reason')).toBe('JOURNAL_WRITE_FAILED');
    expect(res.headers.get('tga-mock-detail')).toMatch(/ENOSPC/);
    expect(await res.json()).toEqual({ message: expect.stringMatching(/could not be written/) });
    const events = (await (await fetch(`${url}/__mock/events`)).json()) as { events: unknown[] };
    expect(events.events).toEqual([]);
  });
});
