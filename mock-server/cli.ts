// Placeholder until the mock server lands (issue: "The mock server").
console.error('tga-contract: the mock server is not built yet. `npm test` checks the schema today.');
process.exit(1);
