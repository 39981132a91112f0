// One valid event as the official SDK sends it (an app-init of the app `docs`), for the browser
// tests that post events themselves; `fields` replace its values (the name, the app, the user).
export function sdkEvent(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_name: 'app-init',
    session_id: '3f0c2a9e-8a4b-4c1d-9e2f-1a2b3c4d5e6f',
    user_id: 42,
    app_name: 'docs',
    is_premium: false,
    platform: 'android',
    locale: 'en',
    client_timestamp: String(Date.UTC(2026, 0, 1)),
    ...fields,
  };
}
