// Every documented response of POST /events, provoked for real from the one valid token: each
// bad variant is derived from it (the forgeries of schema/token.ts, see docs/token-format.md), and
// each answer must be the documented status, exact body and a JSON content type. An opaque token
// (a server's own design) has no inside to forge: the invalid one comes from --invalid-token.
import { AUTH_TOKEN } from '../../schema/headers';
import { flipSignatureBit, forgeClaims, malformedTokens } from '../../schema/token';
import type { Skip } from '../run/skipCodes';
import type { ServerUnderTest } from '../run/types';
import { always, type Check } from './check';
import { expectBatchNotStored } from './journal';

export const OPAQUE_TOKEN: Skip = {
  code: 'opaque-token',
  message:
    'the token is opaque (not <base64 JSON>!<base64 signature>), so no invalid one can be derived: ' +
    'pass --invalid-token T, a well-formed token the server refuses as invalid',
};

/** The bad tokens a check of an opaque token can still send: one no token design accepts. */
const OPAQUE_MALFORMED = [{ label: 'empty (the header with no value)', token: '' }];

const canForge = (server: ServerUnderTest): true | Skip =>
  server.tokenFormat === 'tga' || server.invalidToken !== null ? true : OPAQUE_TOKEN;

/** The well-formed tokens that must be refused as invalid: forgeries of a known-shape token, and --invalid-token. */
function invalidTokens(server: ServerUnderTest): { label: string; token: string }[] {
  const given = server.invalidToken ? [{ label: 'the --invalid-token', token: server.invalidToken }] : [];
  if (server.tokenFormat !== 'tga') return given;
  const token = server.token;
  return [
    { label: 'signature with one bit flipped', token: flipSignatureBit(token) },
    {
      label: 'payload app_name changed, signature kept',
      token: forgeClaims(token, { app_name: 'conformance-forged' }),
    },
    ...given,
  ];
}

/** A host no token's app_domain names (.invalid is reserved, RFC 2606). */
export const FOREIGN_ORIGIN = 'https://conformance-foreign.invalid';

export const responseChecks: Check[] = [
  {
    name: 'response.recorded-single',
    title: 'one valid event (a JSON object, not an array) is recorded: 201 "Success record."',
    covers: ['RECORDED'],
    writes: 1,
    applies: always,
    async run(ctx) {
      await ctx.expectPost({ label: 'one valid event as an object', body: ctx.event() }, 'RECORDED');
    },
  },
  {
    name: 'response.recorded-batch',
    title: 'a valid batch of two events is recorded: 201 "Success record."',
    covers: ['RECORDED'],
    writes: 2,
    applies: always,
    async run(ctx) {
      const body = [ctx.event(), ctx.event({ event_name: 'app-hide' })];
      await ctx.expectPost({ label: 'a batch of 2 valid events', body }, 'RECORDED');
    },
  },
  {
    name: 'response.token-missing',
    title: `no ${AUTH_TOKEN.name} header: 400 "The token is not specified ... incorrectly."`,
    covers: ['TOKEN_MISSING_OR_MALFORMED'],
    writes: 0,
    sends: 1,
    applies: always,
    async run(ctx) {
      await ctx.expectPost(
        { label: 'valid event, no token header', body: ctx.event(), token: null },
        'TOKEN_MISSING_OR_MALFORMED',
      );
    },
  },
  {
    name: 'response.token-garbled',
    title: 'a token not of the format <base64 JSON>!<base64 signature>: 400 TOKEN_MISSING_OR_MALFORMED',
    covers: ['TOKEN_MISSING_OR_MALFORMED'],
    writes: 0,
    sends: 2,
    applies: always,
    async run(ctx) {
      const opaque = ctx.server.tokenFormat === 'opaque';
      if (opaque)
        ctx.note(
          "an opaque token: only the empty token is sent (what else is malformed is the server's design)",
        );
      for (const variant of opaque ? OPAQUE_MALFORMED : malformedTokens(ctx.server.token)) {
        await ctx.expectPost(
          {
            label: `token ${variant.label}`,
            body: ctx.event(),
            token: variant.token,
            tokenLabel: variant.label,
          },
          'TOKEN_MISSING_OR_MALFORMED',
        );
      }
    },
  },
  {
    name: 'response.token-invalid',
    title: 'a well-formed token whose signature does not verify: 400 "Token is invalid."',
    covers: ['TOKEN_INVALID'],
    writes: 0,
    sends: 3,
    applies: canForge,
    async run(ctx) {
      for (const v of invalidTokens(ctx.server)) {
        await ctx.expectPost(
          { label: `token ${v.label}`, body: ctx.event(), token: v.token, tokenLabel: v.label },
          'TOKEN_INVALID',
        );
      }
    },
  },
  {
    name: 'response.app-name-mismatch',
    title: 'body app_name not the token\'s: 400 "Invalid app_name is specified."',
    covers: ['APP_NAME_MISMATCH'],
    writes: 0,
    sends: 1,
    applies: always,
    async run(ctx) {
      const body = [ctx.event({ app_name: `${ctx.server.app.app_name}-not-this-app` })];
      await ctx.expectPost({ label: "valid event, app_name not the token's", body }, 'APP_NAME_MISMATCH');
    },
  },
  {
    name: 'response.app-name-mismatch-later',
    title:
      'a batch of three whose third event has another app_name: 400 "Invalid app_name is specified.", nothing recorded',
    covers: ['APP_NAME_MISMATCH'],
    writes: 0,
    sends: 3,
    applies: always,
    async run(ctx) {
      const other = `${ctx.server.app.app_name}-not-this-app`;
      const body = [
        ctx.event(),
        ctx.event({ event_name: 'custom-event' }),
        ctx.event({ event_name: 'app-hide', app_name: other }),
      ];
      await ctx.expectPost(
        { label: "batch of 3, only the third with an app_name not the token's", body },
        'APP_NAME_MISMATCH',
      );
      // On the mock, what was stored can be seen too: none of the three events.
      if (!ctx.server.mock) return;
      await expectBatchNotStored(ctx);
    },
  },
  {
    name: 'response.domain-mismatch',
    title: 'a foreign Origin: 403 "The domain name does not match."',
    covers: ['DOMAIN_MISMATCH'],
    writes: 0,
    sends: 1,
    applies: always,
    async run(ctx) {
      const body = [ctx.event()];
      await ctx.expectPost(
        { label: `valid event, Origin ${FOREIGN_ORIGIN}`, body, origin: FOREIGN_ORIGIN },
        'DOMAIN_MISMATCH',
      );
    },
  },
  {
    name: 'response.validation',
    title: 'a body failing validation (user_id a string): 400 VALIDATION_MISMATCH_REPORT',
    covers: ['VALIDATION'],
    writes: 0,
    sends: 1,
    applies: always,
    async run(ctx) {
      const body = [{ ...ctx.event(), user_id: 'not-a-number' }];
      await ctx.expectPost({ label: 'event with user_id "not-a-number"', body }, 'VALIDATION');
    },
  },
];
