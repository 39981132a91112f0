// Jest's own order (last run's failures, then the slowest first by its timings cache, else the
// largest file), with the long-running files always first: on a fresh clone there are no timings,
// and a packed test started last would keep the run going alone on one worker.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// In this order: the MSW packed test (the largest npm install), the other packed tests, then the
// docs examples and the browser tests; everything else after them.
const FIRST = [
  /\/test\/packed\/msw\.packed\.test\.ts$/,
  /\/test\/packed\/.*\.packed\.test\.ts$/,
  /\/test\/(docs|browser)\//,
];

function rank(test) {
  const file = test.path.split(path.sep).join('/');
  const at = FIRST.findIndex((re) => re.test(file));
  return at === -1 ? FIRST.length : at;
}

class SlowFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    // Array.prototype.sort is stable: within a rank, Jest's order stands.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
