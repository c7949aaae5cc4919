// Sums the JSON reports of Vitest and Playwright (written under test-results/ when CI is set)
// with the pass/fail of the other CI checks, prints "N passed, N failed", and exits 1 on failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = Number(process.argv[2] ?? 0);
let failed = Number(process.argv[3] ?? 0);

function read(file) {
	if (!existsSync(file)) {
		console.log(`${file}: missing (the suite did not run to the end)`);
		failed += 1;
		return null;
	}
	return JSON.parse(readFileSync(file, 'utf8'));
}

const vitest = read('test-results/vitest.json');
if (vitest) {
	console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests;
	if (vitest.numTotalTests === 0 || !vitest.success) failed += vitest.numFailedTests ? 0 : 1;
}
const playwright = read('test-results/playwright.json');
if (playwright) {
	const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats ?? {};
	console.log(`playwright: ${expected + flaky} passed, ${unexpected} failed`);
	passed += expected + flaky;
	failed += unexpected;
	if (expected + flaky + unexpected === 0 || (playwright.errors ?? []).length) failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
