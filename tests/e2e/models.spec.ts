import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// P-MAT (Matrika) is owned by `garant` and has no model in the demo town; P-SR has one.
async function processUrl(page: Page, code: string) {
	await page.goto('/processes');
	const href = await page
		.getByTestId(`process-row-${code}`)
		.getByRole('link')
		.first()
		.getAttribute('href');
	expect(href).toMatch(/^\/processes\/\d+$/);
	return href!;
}

async function canvasReady(page: Page) {
	await expect(page.getByTestId('model-canvas')).toHaveAttribute('data-ready', 'true', {
		timeout: 20_000
	});
}

test('a process owner imports a model, links a lane and a task, sees the cost, saves and restores', async ({
	page
}) => {
	test.setTimeout(120_000);
	// The editor's palette icons are a font: refused by the CSP, the palette shows empty squares.
	const refused: string[] = [];
	page.on('console', (msg) => {
		if (msg.text().includes('Content Security Policy')) refused.push(msg.text().slice(0, 120));
	});
	await signIn(page, 'garant');
	const card = await processUrl(page, 'P-MAT');
	await page.goto(`${card}/model`);
	await expect(page.getByText('Proces zatím nemá procesní model.')).toBeVisible();
	await page.waitForLoadState('networkidle');

	// import a BPMN file exported by another tool
	await page
		.locator('input[type="file"][name="file"]')
		.setInputFiles('tests/fixtures/bpmn/lanes.bpmn');
	await page.getByRole('button', { name: 'Nahrát jako novou verzi' }).click();
	await expect(page.getByText('Zobrazena verze 1 z 1')).toBeVisible();
	await canvasReady(page);
	await expect(page.locator('.djs-palette')).toBeVisible(); // the modeler, not the viewer
	await expect
		.poll(() =>
			page.evaluate(() =>
				[...document.fonts].some((f) => f.family === 'bpmn' && f.status === 'loaded')
			)
		)
		.toBe(true);
	expect(refused).toEqual([]);

	// map the clerk's lane to a role of the card and an org unit (click the lane's label strip)
	await page
		.locator('[data-element-id="LaneClerk"]')
		.first()
		.click({ position: { x: 12, y: 40 } });
	await expect(page.getByRole('heading', { name: 'Dráha: Referent' })).toBeVisible();
	await page.getByLabel('Role procesu (RACI)').selectOption({ index: 1 });
	const unit = page.getByLabel('Organizační útvar');
	const ovv = await unit.locator('option', { hasText: /^OVV / }).getAttribute('value');
	await unit.selectOption(ovv!);
	await Promise.all([
		page.waitForResponse((r) => r.url().includes('?/link') && r.status() === 200),
		page.getByRole('button', { name: 'Uložit', exact: true }).click()
	]);

	// set the time of a task in the clerk's lane
	await page.getByRole('button', { name: 'Přijmout žádost' }).click();
	await expect(page.getByRole('heading', { name: 'Činnost: Přijmout žádost' })).toBeVisible();
	await page.getByLabel('Minut na případ (práce)').fill('30');
	await page.getByRole('button', { name: 'Uložit', exact: true }).click();

	// the cost overlay on the diagram: minutes and the cost a year
	const overlay = page.locator('.model-overlay[data-element="Receive"]');
	await expect(overlay).toContainText('30 min');
	await expect(overlay).toContainText('Kč');
	// 30 minutes × the year's cases ÷ 60 = the modelled hours
	const summary = await page.getByText(/^Modelovaná pracnost/).textContent();
	const [, hoursText, casesText] = /pracnost ([\d\s\u00a0,]+) h ročně.* při (\d+) případech/.exec(
		summary!
	)!;
	const num = (text: string) => Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
	expect(num(hoursText)).toBe((30 * Number(casesText)) / 60);

	// what-if: half the minutes, half the hours; nothing saved
	const whatIf = page.getByTestId('model-whatif');
	await whatIf.getByLabel('Přijmout žádost').fill('15');
	await expect
		.poll(async () => num((await whatIf.getByTestId('whatif-hours').textContent())!))
		.toBe(num(hoursText) / 2);
	await page.reload();
	await expect(page.getByTestId('model-whatif').getByLabel('Přijmout žádost')).toHaveValue('30');

	// save the diagram as version 2, then restore version 1 as version 3
	await canvasReady(page);
	const save = page.locator('form[action="?/save"]');
	await save.getByLabel('Poznámka k verzi').fill('Po workshopu');
	await save.getByRole('button', { name: 'Uložit jako novou verzi' }).click();
	await expect(page.getByText('Zobrazena verze 2 z 2')).toBeVisible();

	// the diagram as a PNG, drawn in the browser from the modeler's SVG
	await canvasReady(page);
	const [png] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Stáhnout PNG' }).click()
	]);
	expect(png.suggestedFilename()).toBe('P-MAT-v2.png');
	const bytes = readFileSync((await png.path())!);
	expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

	// the council report shows the saved version's diagram when the process is chosen
	const id = card.split('/').pop();
	await page.goto(`/reports/council?diagram=${id}`);
	const diagrams = page.getByTestId('report-diagrams');
	await expect(diagrams).toContainText('P-MAT Matrika');
	await expect(diagrams).toContainText('Verze 2');
	const img = diagrams.getByRole('img', { name: 'Diagram procesu P-MAT Matrika' });
	await expect(img).toBeVisible();
	expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(100);
	await page.goto(`${card}/model`);
	await canvasReady(page);

	const row1 = page.locator('tr', { has: page.getByRole('link', { name: '1', exact: true }) });
	await row1.getByRole('button', { name: 'Obnovit jako novou verzi' }).click();
	await expect(page.getByText('Zobrazena verze 3 z 3')).toBeVisible();
	await expect(page.getByText('(obnoveno z verze 1)')).toBeVisible();
	// the links are kept by element id: the restored version still has the cost
	await canvasReady(page);
	await expect(page.locator('.model-overlay[data-element="Receive"]')).toContainText('30 min');

	// the process card names the modelled hours
	await page.goto(card);
	await expect(page.getByTestId('modelled-hours')).toContainText(`${hoursText.trim()} h`);
});

test('a reader gets the read-only viewer and cannot save', async ({ page }) => {
	await signIn(page, 'host');
	const card = await processUrl(page, 'P-SR');
	await page.goto(`${card}/model`);
	await canvasReady(page);
	await expect(page.locator('.model-overlay').first()).toBeVisible();
	await expect(page.locator('.djs-palette')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Uložit jako novou verzi' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Nahrát jako novou verzi' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Obnovit jako novou verzi' })).toHaveCount(0);
	// the what-if is for readers too: it saves nothing
	await expect(page.getByTestId('model-whatif')).toBeVisible();
	// a forged save is refused
	const response = await page.request.post(`${card}/model?/save`, {
		form: { xml: '<x/>', version: '1' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(response.status()).toBe(403);
});
