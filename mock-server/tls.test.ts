// HTTPS: `tga-mock --tls-cert FILE --tls-key FILE` (and startMock's tlsCert/tlsKey) serve the same
// mock over TLS, checked with a real curl that trusts only the throwaway certificate.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { documentedResponse } from '../schema';
import { runCli, type CliIo } from './runCli';
import { startMock } from './startMock';
import { GOOD_JSON } from './test-support/fixtures';
import { selfSignedCertificate, type SelfSigned } from './test-support/selfSigned';

const run = promisify(execFile);

function io() {
  const out = { stdout: '', stderr: '' };
  const capture: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env: {},
    logStream: new Writable({ write: (_c, _e, cb) => cb() }),
  };
  return { capture, out };
}

/** curl trusting only `ca`: [status, body]. */
async function curl(ca: string, url: string, args: string[] = []): Promise<[number, unknown]> {
  const { stdout } = await run('curl', ['-sS', '--cacert', ca, '-w', '\n%{http_code}', ...args, url]);
  const lines = stdout.split('\n');
  const status = Number(lines.pop());
  return [status, JSON.parse(lines.join('\n')) as unknown];
}

let tls: SelfSigned;
beforeAll(() => {
  tls = selfSignedCertificate();
});
afterAll(() => tls.cleanup());

test('tga-mock --tls-cert --tls-key serves HTTPS: the banner says https://, curl --cacert gets 201', async () => {
  const { capture, out } = io();
  const result = await runCli(
    ['--port', '0', '--tls-cert', tls.cert, '--tls-key', tls.key, '--secret', 's', '--log-level', 'silent'],
    capture,
  );
  if (result.exit !== undefined) throw new Error(out.stderr);
  try {
    expect(result.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(out.stdout).toContain(`listening on ${result.url}`);
    expect(out.stdout).toContain('HTTPS with a certificate for DNS:localhost, IP Address:127.0.0.1');
    const demo = /TGA-Auth-Token: ([^']+)'/.exec(out.stdout)![1];
    const answer = await curl(tls.cert, `${result.url}/events`, [
      '-H',
      'Content-Type: application/json',
      '-H',
      `TGA-Auth-Token: ${demo}`,
      '-d',
      GOOD_JSON,
    ]);
    expect(answer).toEqual([201, documentedResponse('RECORDED').body]);
    // The certificate's host name works too, and plain HTTP on the port is not served.
    const port = new URL(result.url).port;
    expect((await curl(tls.cert, `https://localhost:${port}/__mock/health`))[0]).toBe(200);
    await expect(
      run('curl', ['-sS', '-o', '/dev/null', `http://127.0.0.1:${port}/__mock/health`]),
    ).rejects.toThrow();
  } finally {
    await result.stop();
  }
});

test('startMock({ tlsCert, tlsKey }) gives an https:// url', async () => {
  const mock = await startMock({ tlsCert: tls.cert, tlsKey: tls.key });
  try {
    expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await curl(tls.cert, `${mock.url}/__mock/health`))[0]).toBe(200);
  } finally {
    await mock.close();
  }
});

describe('a certificate or key that cannot be used: exit 2, one line naming it', () => {
  const bad = (name: string, text: string) => {
    const file = path.join(tls.dir, name);
    writeFileSync(file, text);
    return file;
  };
  test.each([
    [() => ['--tls-cert', tls.cert], 'tga-mock: --tls-cert and --tls-key go together: --tls-key is missing'],
    [() => ['--tls-key', tls.key], 'tga-mock: --tls-cert and --tls-key go together: --tls-cert is missing'],
    [
      () => ['--tls-cert', '/nonexistent/cert.pem', '--tls-key', tls.key],
      '--tls-cert /nonexistent/cert.pem: cannot read it (ENOENT)',
    ],
    [
      () => ['--tls-cert', tls.cert, '--tls-key', '/nonexistent/key.pem'],
      '--tls-key /nonexistent/key.pem: cannot read it (ENOENT)',
    ],
    [() => ['--tls-cert', bad('c.txt', 'not pem'), '--tls-key', tls.key], 'c.txt: not a PEM certificate'],
    [() => ['--tls-cert', tls.cert, '--tls-key', tls.cert], 'cert.pem: not a PEM private key'],
  ])('%#: %p', async (argv, message) => {
    const { capture, out } = io();
    const result = await runCli(['--port', '0', '--secret', 's', ...argv()], capture);
    if (result.exit === undefined) await result.stop();
    expect(result.exit).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stdout).toBe('');
  });

  test('a key that is not the certificate’s', async () => {
    const other = selfSignedCertificate();
    try {
      const { capture, out } = io();
      const result = await runCli(
        ['--port', '0', '--secret', 's', '--tls-cert', tls.cert, '--tls-key', other.key],
        capture,
      );
      if (result.exit === undefined) await result.stop();
      expect(result.exit).toBe(2);
      expect(out.stderr).toBe(
        `tga-mock: --tls-key ${other.key}: not the private key of the certificate in ${tls.cert} (see tga-mock --help)\n`,
      );
    } finally {
      other.cleanup();
    }
  });

  test('startMock rejects with the same message', async () => {
    await expect(startMock({ tlsCert: tls.cert })).rejects.toThrow('--tls-cert and --tls-key go together');
    await expect(startMock({ tlsCert: tls.cert, tlsKey: '/nonexistent/key.pem' })).rejects.toThrow(
      '--tls-key /nonexistent/key.pem: cannot read it',
    );
  });
});
