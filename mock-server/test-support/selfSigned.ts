// A throwaway self-signed certificate for the HTTPS tests, made by openssl into a temp folder
// (removed by `cleanup`). It covers `localhost` and 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SelfSigned {
  dir: string;
  cert: string;
  key: string;
  cleanup(): void;
}

export function selfSignedCertificate(prefix = 'tga-mock-tls-'): SelfSigned {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  // openssl writes its progress to stderr: kept out of the test output.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { dir, cert, key, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
