// The official SDK's browser bundle as npm ships it, read unmodified, and a fingerprint of it so a
// version bump says what changed instead of failing somewhere downstream.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The package's exports hide package.json and dist/, so find its folder from its main entry.
function findPackageDir(): string {
  let dir = path.dirname(require.resolve('@telegram-apps/analytics'));
  for (let i = 0; i < 5 && !fs.existsSync(path.join(dir, 'package.json')); i++) dir = path.dirname(dir);
  return dir;
}

const packageDir = findPackageDir();

export const SDK_BUNDLE_PATH = path.join(packageDir, 'dist', 'index.js');

export function readSdkBundle(): string {
  return fs.readFileSync(SDK_BUNDLE_PATH, 'utf8');
}

export interface SdkFingerprint {
  version: string;
  sha256: string;
  /** Absolute http(s) URLs in the bundle (its backends), w3.org namespaces left out. */
  urls: string[];
  /** Quoted strings naming backend paths (`"events"`, `"events/threshold"`, …). */
  paths: string[];
}

const uniqueSorted = (items: Iterable<string>) => [...new Set(items)].sort();

export function sdkFingerprint(): SdkFingerprint {
  const bundle = readSdkBundle();
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    version: pkg.version,
    sha256: crypto.createHash('sha256').update(bundle).digest('hex'),
    urls: uniqueSorted(
      [...bundle.matchAll(/https?:\/\/[a-zA-Z0-9./_-]+/g)]
        .map((m) => m[0])
        .filter((u) => !u.includes('w3.org')),
    ),
    paths: uniqueSorted([...bundle.matchAll(/"(events[a-zA-Z/]*)"/g)].map((m) => m[1])),
  };
}

/** Human-readable differences between two fingerprints, empty when they are equal. */
export function describeChanges(pinned: SdkFingerprint, actual: SdkFingerprint): string[] {
  const changes: string[] = [];
  if (pinned.version !== actual.version) changes.push(`version ${pinned.version} -> ${actual.version}`);
  if (pinned.sha256 !== actual.sha256) changes.push(`bundle sha256 ${pinned.sha256} -> ${actual.sha256}`);
  for (const key of ['urls', 'paths'] as const) {
    const added = actual[key].filter((x) => !pinned[key].includes(x));
    const removed = pinned[key].filter((x) => !actual[key].includes(x));
    if (added.length > 0) changes.push(`${key} added: ${added.join(', ')}`);
    if (removed.length > 0) changes.push(`${key} removed: ${removed.join(', ')}`);
  }
  return changes;
}

/**
 * A page that starts the SDK as a Mini App would. Telegram's own web-app script defines
 * `window.Telegram.WebView` before any app code runs; SDK 1.6.4 patches its `receiveEvent` at init
 * and throws without it, so the page provides that much of the Telegram environment.
 */
export function sdkPageHtml(token: string, appName: string): string {
  const init = JSON.stringify({ token, appName }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>SDK under test</title>
<script>window.Telegram = { WebView: { receiveEvent: function () {}, postEvent: function () {} } };</script>
<script src="/sdk.js"></script>
<script>window.telegramAnalytics.init(${init});</script>
</head><body><p>The official SDK runs here.</p></body></html>`;
}
