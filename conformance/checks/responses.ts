// Every documented response of POST /events, provoked for real from the one valid token: each
// bad variant is derived from it (the forgeries of schema/token.ts, see docs/token-format.md), and
// each answer must be the documented status, exact body and a JSON content type.
import { AUTH_TOKEN } from '../../schema/headers';
import { flipSignatureBit, forgeClaims, malformedTokens } from '../../schema/token';
import { always, type Check } from './check';
import { expectBatchNotStored } from './journal';

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
    applies: always,
    async run(ctx) {
      for (const variant of malformedTokens(ctx.server.token)) {
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
    applies: always,
    async run(ctx) {
      const token = ctx.server.token;
      const variants = [
        { label: 'signature with one bit flipped', token: flipSignatureBit(token) },
        {
          label: 'payload app_name changed, signature kept',
          token: forgeClaims(token, { app_name: 'conformance-forged' }),
        },
      ];
      for (const v of variants) {
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
    applies: always,
    async run(ctx) {
      const body = [{ ...ctx.event(), user_id: 'not-a-number' }];
      await ctx.expectPost({ label: 'event with user_id "not-a-number"', body }, 'VALIDATION');
    },
  },
];
