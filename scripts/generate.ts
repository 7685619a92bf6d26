// What `npm run generate` does after openapi-typescript, in one process (a tsx start each would triple its
// time): the facts (of openapi.yaml and of mock/admin.openapi.yaml), the standalone validators, then the stamp.
// With `--check` the stamp is checked first, so a spec edited since generation is named as such before any
// generated file is found stale.
const check = process.argv.includes('--check');
if (check) await import('./stamp-generated.ts');
await import('./generate-facts.ts');
await import('./generate-admin-facts.ts');
await import('./generate-validators.ts');
if (!check) await import('./stamp-generated.ts');
