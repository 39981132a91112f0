// The Telegram stand-in (telegram-web-app.js beside this file) for whoever serves it: the mock's
// GET /telegram-web-app.js, tga-contract/playwright's routeToMock, a jsdom test. tsc does not copy
// plain JavaScript, so the file is found both from the TypeScript sources (mock-server/telegram)
// and from the compiled package (dist/mock-server/telegram), which ships it in mock-server/telegram.
import fs from 'node:fs';
import path from 'node:path';

const NAME = 'telegram-web-app.js';

function findScript(): string {
  // Beside this file (the sources); or, from a compiled copy anywhere below the package root
  // (dist/, or the scripts' build in .artifacts/), in the nearest mock-server/telegram above it.
  const candidates = [path.join(__dirname, NAME)];
  for (let dir = path.dirname(__dirname); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'mock-server', 'telegram', NAME));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined)
    throw new Error(`the Telegram stand-in ${NAME} is not beside ${__dirname} nor above it`);
  return found;
}

/**
 * The absolute path of the stand-in for Telegram's telegram-web-app.js: a browser script defining
 * `window.Telegram.WebApp` and `window.Telegram.WebView`, for a jsdom window (`window.eval`).
 */
export const telegramWebAppScript: string = findScript();

let text: string | undefined;

/** The stand-in's text, read once. */
export function telegramWebAppScriptText(): string {
  text ??= fs.readFileSync(telegramWebAppScript, 'utf8');
  return text;
}
