// A transport for core/frame.ts over a request held in memory, for the core's own tests: headers
// by lower-case name, the body whole (as the MSW shell has it).
import { readBuffer, type ReadBody } from '../core/body';
import type { SdkTransport } from '../core/frame';

export interface MemoryRequest {
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Stands in for the reader: what it returns (or throws), instead of reading `body`. */
  read?: () => ReadBody | 'aborted' | 'unreadable';
}

export const MEMORY: SdkTransport<MemoryRequest> = {
  header: (req, name) => req.headers[name],
  async readBody(req, limit, decode) {
    if (req.read) return req.read();
    const raw = Buffer.from(req.body ?? '');
    const headers = {
      contentEncoding: req.headers['content-encoding'],
      contentType: req.headers['content-type'],
    };
    return readBuffer(raw, headers, limit, decode);
  },
};

export function rawHeadersOf(req: MemoryRequest): string[] {
  return Object.entries(req.headers).flat();
}
