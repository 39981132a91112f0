// What the CLI prints on start: where it listens (a URL that works from this machine, also when
// bound to every interface), the inspector's address (with the admin token when one is required),
// a token the docs' examples can use at once (app "docs", domain http://localhost), and a curl line
// that answers 201 (202 with --answers live); which answers it gives, or where it forwards to.
import documented from '../schema/examples/documented.json';
import type { AnswerMode } from './core/options';

export interface BannerInput {
  /** A URL that reaches the mock from this machine. */
  url: string;
  version: string;
  demoToken: string;
  /** The --host given, when it means every interface (0.0.0.0 or ::). */
  host?: string;
  /** --admin-token: the control API and inspector need it. */
  adminToken?: string;
  /** The names the HTTPS certificate covers, when serving HTTPS. */
  tlsNames?: string;
  /** --answers: as the docs page says, or as the live service was observed to. */
  answers?: AnswerMode;
  /** --upstream: the URL the SDK's routes are forwarded to. */
  upstream?: string;
}

function answersLine(answers: AnswerMode, upstream: string | undefined): string {
  if (upstream !== undefined)
    return `  A validating proxy (--upstream): the SDK's routes go to ${upstream}; requests and answers are checked`;
  return answers === 'live'
    ? '  Answers like the live service (--answers live): 202 on success, validation reports, Access-Control-Allow-Origin: *'
    : '  Answers as the docs page says (--answers docs; --answers live answers like the live service)';
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function banner(input: BannerInput): string {
  const { url, version, demoToken, host, adminToken, tlsNames } = input;
  const body = JSON.stringify(documented.vectors[0].body);
  const inspector =
    adminToken === undefined
      ? `${url}/__mock/`
      : `${url}/__mock/?admin_token=${encodeURIComponent(adminToken)}`;
  const health =
    adminToken === undefined
      ? `control: ${url}/__mock/health`
      : 'control: /__mock/* with header TGA-Mock-Admin-Token';
  return [
    `tga-mock ${version} listening on ${url}`,
    ...(host === undefined
      ? []
      : [
          `  on every interface (--host ${host}): other machines use this machine's address and the same port`,
        ]),
    ...(tlsNames === undefined
      ? []
      : [`  HTTPS with a certificate for ${tlsNames}: use a name it covers, and a client that trusts it`]),
    `  POST ${url}/events    GET ${url}/events/threshold    ${health}`,
    answersLine(input.answers ?? 'docs', input.upstream),
    `  Inspector (live view of every request): ${inspector}`,
    'Demo token (app "docs", domain http://localhost):',
    `  ${demoToken}`,
    'Try:',
    `  curl -i ${url}/events -H 'Content-Type: application/json' -H 'TGA-Auth-Token: ${demoToken}' -d ${shellQuote(body)}`,
    '',
  ].join('\n');
}
