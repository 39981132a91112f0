// Header names the API and the mock put on the wire. Node lower-cases incoming header names, so
// each is given as sent (for documentation and clients) and as read (`.lower`).
const header = <T extends string>(name: T) =>
  Object.freeze({ name, lower: name.toLowerCase() as Lowercase<T> });

/** The documented request header carrying the app's token. */
export const AUTH_TOKEN = header('TGA-Auth-Token');
/** The mock's answer: which registry entry (reason code) decided it. */
export const MOCK_REASON = header('TGA-Mock-Reason');
/** The mock's answer to a 400 VALIDATION: the schema violations, as JSON (bounded). */
export const MOCK_VIOLATIONS = header('TGA-Mock-Violations');
/** The mock's answer to a refusal (403, 400): why, in words (e.g. both host names of a domain mismatch). */
export const MOCK_DETAIL = header('TGA-Mock-Detail');
/** The mock's answer: the id of the request in the request log. */
export const MOCK_REQUEST_ID = header('TGA-Mock-Request-Id');
/** Request header for the mock's control API when it was started with an admin token. */
export const MOCK_ADMIN_TOKEN = header('TGA-Mock-Admin-Token');
