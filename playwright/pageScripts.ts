// What routeToMock answers besides the SDK's API, so an unmodified Mini App page runs offline: the
// two scripts such a page loads from a CDN (Telegram's telegram-web-app.js, answered with the
// stand-in; the SDK's https://tganalytics.xyz/index.js, answered with the installed
// @telegram-apps/analytics browser bundle) and the third-party hosts the SDK calls by itself.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { telegramWebAppScriptText } from '../mock-server/telegram/standIn';

/** The backends SDK 1.6.4 posts to: production, and staging with `env: 'STG'`. */
export const SDK_BACKENDS: readonly string[] = ['https://tganalytics.xyz', 'https://staging.tganalytics.xyz'];

/**
 * Hosts SDK 1.6.4 calls on its own at every start (a fingerprinting service); routeToMock refuses
 * them unless `blockThirdParty: false`.
 */
export const SDK_THIRD_PARTY_HOSTS: readonly string[] = ['api.prod.innerworks.me', 'flow.prod.innerworks.me'];

let thirdParty: string | undefined;

/**
 * What a refused third-party request gets instead of a network error. The SDK's fingerprinting
 * client (1.6.4) throws an uncaught error for every failed call, reads `detectionTypes` of its init
 * answer, and later encrypts what it collected with the answer's `publicEncryptionKey` (throwing
 * when there is none). So the answer has no detections to run and a public key of a pair made here
 * whose private half is thrown away: nothing more is asked of the host, nothing leaves the machine,
 * and the page logs no error.
 */
export function thirdPartyAnswer(): string {
  if (thirdParty === undefined) {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicEncryptionKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    thirdParty = JSON.stringify({ detectionTypes: {}, publicEncryptionKey });
  }
  return thirdParty;
}

export type RequestKind = 'api' | 'sdk-script' | 'telegram-script' | 'third-party';

/** What routeToMock does with a URL, or null when it leaves the request alone. */
export function kindOf(url: URL): RequestKind | null {
  if (SDK_BACKENDS.includes(url.origin)) return url.pathname === '/index.js' ? 'sdk-script' : 'api';
  if (url.origin === 'https://telegram.org' && url.pathname === '/js/telegram-web-app.js')
    return 'telegram-script';
  if (url.protocol === 'https:' && SDK_THIRD_PARTY_HOSTS.includes(url.hostname)) return 'third-party';
  return null;
}

export const SDK_PACKAGE = '@telegram-apps/analytics';

// The package's exports hide dist/, so its folder is found from its main entry. The test's own
// project is asked first (process.cwd()), then wherever tga-contract is installed.
function sdkBundlePath(): string {
  let entry: string;
  try {
    entry = require.resolve(SDK_PACKAGE, { paths: [process.cwd(), __dirname] });
  } catch {
    throw new Error(
      `routeToMock: https://tganalytics.xyz/index.js is answered with the installed ${SDK_PACKAGE} ` +
        `browser bundle, and ${SDK_PACKAGE} is not installed: npm install -D ${SDK_PACKAGE} ` +
        '(or pass { sdkScript: false } and serve the script yourself)',
    );
  }
  let dir = path.dirname(entry);
  for (let i = 0; i < 5 && !fs.existsSync(path.join(dir, 'package.json')); i++) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'index.js');
}

let sdkBundle: string | undefined;

/** The SDK's browser bundle as npm ships it (dist/index.js), read once; throws naming the package. */
export function sdkBundleText(): string {
  sdkBundle ??= fs.readFileSync(sdkBundlePath(), 'utf8');
  return sdkBundle;
}

/** The script a page gets for `kind`; a script that throws the reason when it cannot be had. */
export function scriptFor(kind: 'sdk-script' | 'telegram-script'): { body: string; error?: string } {
  if (kind === 'telegram-script') return { body: telegramWebAppScriptText() };
  try {
    return { body: sdkBundleText() };
  } catch (error) {
    const message = (error as Error).message;
    // The page sees it as an uncaught error naming the package, as the test does (onRefused).
    return { body: `throw new Error(${JSON.stringify(message)});`, error: message };
  }
}
