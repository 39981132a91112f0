// The shared command-line helper: option tables, their parsers and the package version. It
// imports nothing else of ours, so every CLI (mock, suite, gate, scripts) may use it.
export * from './optionTable';
export * from './parsers';
export { packageRoot, packageVersion } from './version';
export { closestFlag, editDistance } from './suggest';
