// Czech that reads right: counts with units are declined (57 dní, not 57 dny), KPI periods are
// said as people say them, and a year without figures is said, not silently replaced.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('KPI values in days are declined by their count, and periods read as words', async ({
	page
}) => {
	await signIn(page, 'starosta');
	await page.goto('/goals');
	await page
		.getByRole('link', { name: /KPI-01/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/goals\/kpi\/\d+/);
	const text = await page.locator('main').innerText();
	// Whatever the latest value is (other tests may record one), its unit is declined by its
	// count: 1 den, 2–4 dny, 0 and 5 and more dní, a fraction dne.
	const latest = /Poslední hodnota:\s*(\d+(?:,\d+)?)\s(\p{L}+)/u.exec(text);
	expect(latest, 'the latest value is shown with its unit').not.toBeNull();
	const [, count, word] = latest!;
	const whole = count.includes(',') ? null : Number(count);
	const expected =
		whole === null ? 'dne' : whole === 1 ? 'den' : whole >= 2 && whole <= 4 ? 'dny' : 'dní';
	expect(word).toBe(expected);
	expect(text).not.toMatch(/\b([5-9]|\d{2,})\sdny\b/);
	// The latest value names its quarter in words.
	await expect(page.locator('main')).toContainText(/\d\. čtvrtletí \d{4}/);
});

test('a year without figures is said, with the years that have them offered', async ({ page }) => {
	await signIn(page, 'starosta');
	await page.goto('/?year=2099');
	await expect(page.getByTestId('year-unavailable')).toContainText('Pro rok 2099 Dílna nemá údaje');
	const shown = await page.getByLabel('Rok').inputValue();
	expect(Number(shown)).toBeLessThan(2099);
});
