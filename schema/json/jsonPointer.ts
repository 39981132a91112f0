// One segment of a JSON pointer (RFC 6901): `~` and `/` inside a key are written `~0` and `~1`.
// The `$ref` resolver builds pointers for origins and reads them in `$ref` fragments; the breaking
// gate names keywords with them; ajv's schemaPath uses the same escaping.

export const escapeSegment = (seg: string): string => seg.replaceAll('~', '~0').replaceAll('/', '~1');

export const unescapeSegment = (seg: string): string => seg.replaceAll('~1', '/').replaceAll('~0', '~');
