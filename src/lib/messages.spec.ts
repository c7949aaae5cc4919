// One message key per text (issue #14): a Czech text that appears under two keys drifts apart the
// first time someone rewords one of them. Each exception below names why its keys stay apart.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve('messages/cs');

/** Czech text → the keys allowed to share it, and why. */
const ALLOWED: Record<string, { keys: string[]; why: string }> = {
	Opatření: {
		keys: ['initiative', 'nav_initiatives'],
		why: 'one initiative (a column) and the list of them (the menu): one word in Czech, two in English'
	},
	Akce: {
		keys: ['actions', 'audit_action'],
		why: 'the buttons column of a table, and what an audit record says was done'
	},
	Cíl: {
		keys: ['goal', 'target'],
		why: 'a goal (cíl) and a target value column (cílová hodnota, shortened): two meanings'
	},
	Položka: {
		keys: ['overview_whatif_item', 'polozka'],
		why: 'a row of the what-if table, and the budget classification item (položka)'
	},
	'Zlepšovací opatření': {
		keys: ['costs_initiative', 'improvement_initiatives'],
		why: 'the initiative of one cost entry, and a heading over several'
	},
	Dopad: {
		keys: ['overview_whatif_effect', 'programme_impact'],
		why: 'the effect of a what-if change, and the impact score of a risk'
	},
	aktivní: {
		keys: ['goals_lifecycle_active', 'users_active'],
		why: 'statuses of different records (a goal, a user account), each worded as its own set'
	},
	platný: {
		keys: ['overview_tokens_active', 'processes_status_active'],
		why: 'statuses of different records (an API token, a process), each worded as its own set'
	},
	zrušený: {
		keys: ['goals_lifecycle_dropped', 'processes_status_retired'],
		why: 'a dropped goal and a retired process: different states of different records'
	},
	'po termínu': {
		keys: ['goals_my_late', 'programme_status_late'],
		why: 'a KPI actual not yet reported, and a late milestone: different states'
	}
};

function czechTexts(): Map<string, string[]> {
	const byText = new Map<string, string[]>();
	for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
		const messages = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Record<
			string,
			string
		>;
		for (const [key, text] of Object.entries(messages)) {
			if (key.startsWith('$')) continue;
			byText.set(text, [...(byText.get(text) ?? []), key]);
		}
	}
	return byText;
}

describe('messages', () => {
	it('keeps every Czech text under one key, save the named exceptions', () => {
		const shared = [...czechTexts()]
			.filter(([, keys]) => keys.length > 1)
			.map(([text, keys]) => ({ text, keys: [...keys].sort() }))
			.filter(({ text, keys }) => ALLOWED[text]?.keys.join() !== keys.join());
		// Each entry: a text to merge into one key (or, with a reason, to add to ALLOWED).
		expect(shared).toEqual([]);
	});

	it('lists no exception that no longer exists', () => {
		const texts = czechTexts();
		const stale = Object.entries(ALLOWED)
			.filter(([text, { keys }]) => (texts.get(text) ?? []).sort().join() !== keys.join())
			.map(([text]) => text);
		expect(stale).toEqual([]);
	});

	it('has every key in both languages (a text added in one is added in the other)', () => {
		const keysOf = (locale: string) =>
			new Set(
				readdirSync(path.resolve('messages', locale))
					.filter((f) => f.endsWith('.json'))
					.flatMap((file) =>
						Object.keys(
							JSON.parse(readFileSync(path.resolve('messages', locale, file), 'utf8')) as object
						).filter((key) => !key.startsWith('$'))
					)
			);
		const cs = keysOf('cs');
		const en = keysOf('en');
		expect([...cs].filter((k) => !en.has(k))).toEqual([]);
		expect([...en].filter((k) => !cs.has(k))).toEqual([]);
	});

	it('shows no import timings or raw ids to users', () => {
		const cs = czechTexts();
		const texts = [...cs.keys()];
		expect(texts.filter((t) => /\d*\{\w+\} ms\b/.test(t))).toEqual([]);
		expect(texts.filter((t) => /--[a-z]+ [a-z]+\|/.test(t))).toEqual([]);
	});
});
