// Removes the run's scratch folder for the packed-package tests (scripts/jest-global-setup.js).
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const dir = process.env.PACKED_RUN_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
