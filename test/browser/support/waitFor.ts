// Polls until a condition holds or the tries run out (bounded), for state that arrives
// asynchronously: the SDK flushes its batch on a 2 s timer.
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  tries = 150,
  everyMs = 100,
): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return condition();
}
