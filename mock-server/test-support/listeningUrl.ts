// The URL a started `tga-mock` process prints ("listening on http://127.0.0.1:PORT"), or its exit
// (with what it printed) if it stops first.
import type { ChildProcess } from 'node:child_process';

export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`tga-mock exited ${code} before listening: ${out}`)));
  });
}
