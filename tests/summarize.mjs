// Adds up the .NET (TRX) and Vitest (JSON) results into one closing line: "N passed, N failed".
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.trx'))) {
  const counters = readFileSync(join(dir, file), 'utf8').match(/<Counters [^>]*>/)?.[0] ?? '';
  const count = (name) => Number(counters.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? 0);
  passed += count('passed');
  failed += count('failed') + count('error') + count('timeout') + count('aborted');
  skipped += count('notExecuted');
  console.log(`${file}: ${count('passed')} passed, ${count('failed')} failed`);
}
const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
