import { describe, expect, it } from 'vitest';
import { areasShown, isArea, shows } from './adoption-areas';

describe('the pilot’s areas', () => {
	it('shows every area to those who see the whole office, even in a pilot unit', () => {
		expect(areasShown(true, { areas: ['goals'] })).toBeNull();
	});

	it('shows every area to people outside the pilot', () => {
		expect(areasShown(false, null)).toBeNull();
	});

	it('shows a pilot unit only what is switched on, in the navigation’s order', () => {
		expect(areasShown(false, { areas: ['people', 'goals'] })).toEqual(['goals', 'people']);
		expect(areasShown(false, { areas: [] })).toEqual([]);
	});

	it('keeps the overview and pages of no area, hides areas not switched on', () => {
		expect(shows(['goals'], '/')).toBe(true);
		expect(shows(['goals'], '/admin')).toBe(true);
		expect(shows(['goals'], '/goals')).toBe(true);
		expect(shows(['goals'], '/costs')).toBe(false);
		expect(shows([], '/people')).toBe(false);
		expect(shows(null, '/costs')).toBe(true);
	});

	it('knows only its own areas', () => {
		expect(isArea('caf')).toBe(true);
		expect(isArea('admin')).toBe(false);
		expect(isArea(null)).toBe(false);
	});
});
