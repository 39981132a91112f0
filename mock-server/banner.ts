// What the CLI prints on start: where it listens, a token the docs' examples can use at once
// (app "docs", domain http://localhost), and a curl line that answers 201.
import documented from '../schema/examples/documented.json';

export function banner(url: string, version: string, demoToken: string): string {
  const body = JSON.stringify(documented.vectors[0].body);
  return [
    `tga-mock ${version} listening on ${url}`,
    `  POST ${url}/events    GET ${url}/events/threshold    control: ${url}/__mock/health`,
    `  Inspector (live view of every request): ${url}/__mock/`,
    'Demo token (app "docs", domain http://localhost):',
    `  ${demoToken}`,
    'Try:',
    `  curl -i ${url}/events -H 'Content-Type: application/json' -H 'TGA-Auth-Token: ${demoToken}' -d '${body}'`,
    '',
  ].join('\n');
}
