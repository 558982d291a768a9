// Runs before dev, lint, typecheck, test and build: regenerates src/api/schema.d.ts from the Api's
// OpenAPI document when the Api has been built, and otherwise explains what to do instead of
// letting the TypeScript compiler fail on a missing module.
//   node scripts/ensure-api-schema.mjs            -> error when neither the document nor a schema exists
//   node scripts/ensure-api-schema.mjs --optional -> only a notice (vite and vitest do not need types)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const document = fileURLToPath(new URL('../../Api/openapi/Api.json', import.meta.url));
const schema = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));
const optional = process.argv.includes('--optional');

if (existsSync(document)) {
  const result = spawnSync('npm run generate --silent', { stdio: 'inherit', shell: true });
  process.exit(result.status ?? 1);
}

if (existsSync(schema)) {
  console.warn(`[webclient] ${document} not found; using the existing src/api/schema.d.ts (it may be stale).`);
  process.exit(0);
}

const message = [
  `[webclient] The Api's OpenAPI document was not found: ${document}`,
  '[webclient] The SPA\'s API types (src/api/schema.d.ts) are generated from it and are not committed.',
  '[webclient] Build the Api first (`dotnet build` at the repository root writes Api/openapi/Api.json),',
  '[webclient] then run `npm run generate` in WebClient.',
].join('\n');
if (optional) {
  console.warn(message);
  process.exit(0);
}
console.error(message);
process.exit(1);
