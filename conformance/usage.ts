// The help text, printed on --help and (to stderr, with the error) on every usage error.
export const USAGE = `tga-conformance: check a server's POST /events against the documented Telegram Mini Apps analytics API.

Usage:
  tga-conformance --base-url URL --token TOKEN [options]
  npm run conformance -- --base-url URL --token TOKEN [options]

Required (flag or environment variable):
  --base-url URL        the server; requests go to URL/events            (TGA_BASE_URL)
  --token TOKEN         one valid token for an app; every bad token the   (TGA_TOKEN)
                        checks need is derived from it
Options:
  --origin ORIGIN       Origin header of every request (default: the token's app_domain) (TGA_ORIGIN)
  --checks a,b          run only these checks (names or prefixes; * matches anything)
  --skip-checks a,b     skip these checks (same patterns)
  --seed N              seed of the generated events (printed on every run; reuse it to reproduce)
  --max-writes N        at most N events may be accepted by the server (default 50)
  --probe-rate-limit [N]  provoke 429 on a real server with at most N requests (default 100)
  --report-json PATH    write the full report as JSON
  --junit PATH          write JUnit XML (one testcase per check)
  --timeout MS          per-request timeout (default 5000)
  --run-id ID           tag for the sent events (default: generated)
  --list                list the checks and exit
  -h, --help            this text

Exit code: 0 every applicable check passed, 1 a check failed, 2 bad usage or target unreachable.
Every event sent carries custom_data.conformance_run = the run id.`;
