import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4173);
const chromium =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const dataDir = `tests/.tmp/e2e-${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	// One server on one embedded database: tests run one after another.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI
		? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]]
		: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'cs-CZ',
		timezoneId: 'Europe/Prague',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// A fresh embedded database with the demo town for every run.
		command: `rm -rf ${dataDir} && node scripts/demo.js`,
		url: `http://localhost:${port}/healthz`,
		timeout: 300_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			DATA_DIR: dataDir,
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: '',
			LOG_LEVEL: 'warn',
			// Mail goes to the SMTP sink tests/e2e/adoption.spec.ts starts on this loopback port;
			// the background scheduler is off, so only what a test triggers is sent.
			SMTP_URL: `smtp://127.0.0.1:${port + 21000}`,
			MAIL_FROM: 'Dílna <dilna@mesto.example>',
			DILNA_SCHEDULER: '0'
		}
	}
});
