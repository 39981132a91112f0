// One scratch folder per Jest run for the packed-package tests (test/support/packedPackage.ts): the
// first of them to run packs the tarball there and the others reuse it. Nothing is packed here, so
// a run without packed tests pays nothing. Workers inherit the variable; the teardown removes it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function globalSetup() {
  process.env.PACKED_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'tga-packed-run-'));
};
