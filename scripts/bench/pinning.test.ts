import { parseCpuList, planPinning, serverCommand, unpinned, type PinInputs } from './pinning';

describe('parseCpuList', () => {
  test.each([
    ['0', [0]],
    ['0-1', [0, 1]],
    ['0-3,6,8-9\n', [0, 1, 2, 3, 6, 8, 9]],
    ['5,1,1', [1, 5]],
  ])('%j → %j', (text, cpus) => expect(parseCpuList(text)).toEqual(cpus));

  test.each(['', 'x', '3-1', '0,,1', '0-'])('%j is not a CPU list', (text) =>
    expect(parseCpuList(text)).toBeUndefined(),
  );
});

describe('planPinning', () => {
  const two: PinInputs = { mode: 'auto', taskset: true, allowed: [0, 1], parallelism: 2 };

  test('two cores and taskset: servers on the first allowed CPU, the load generator on the second', () => {
    expect(planPinning(two)).toMatchObject({ pinned: true, serverCpu: 0, loadCpu: 1 });
    expect(planPinning({ ...two, allowed: [2, 5, 7], parallelism: 3 })).toMatchObject({
      pinned: true,
      serverCpu: 2,
      loadCpu: 5,
    });
  });

  test.each<[string, Partial<PinInputs>, RegExp]>([
    ['one core', { allowed: [0], parallelism: 1 }, /only 1 core/],
    ['one core, affinity unknown', { allowed: undefined, parallelism: 1 }, /only 1 core/],
    ['no taskset', { taskset: false }, /taskset \(util-linux\) not found/],
    ['--pin off', { mode: 'off' }, /--pin off/],
    ['affinity unreadable', { allowed: undefined, parallelism: 4 }, /affinity list is unreadable/],
  ])('%s: unpinned, and the summary says why', (_, change, why) => {
    const plan = planPinning({ ...two, ...change });
    expect(plan.pinned).toBe(false);
    expect(plan.summary).toMatch(/^NOT pinned/);
    expect(plan.summary).toMatch(why);
  });

  test('serverCommand runs node under taskset -c only when pinned', () => {
    expect(serverCommand(planPinning(two), ['app.js', '--x'], '/bin/node')).toEqual({
      file: 'taskset',
      args: ['-c', '0', '/bin/node', 'app.js', '--x'],
    });
    expect(serverCommand(unpinned('test'), ['app.js'], '/bin/node')).toEqual({
      file: '/bin/node',
      args: ['app.js'],
    });
  });
});
