/**
 * Incoming webhooks (Microsoft Teams, Slack, Mattermost, Rocket.Chat…): a notice is posted as
 * JSON `{"text": "…"}`, which all of them accept. Posting goes through the job queue like mail.
 */

/** What posts a webhook; `fetch` in the app, the same against a local sink in tests. */
export interface Poster {
	post(url: string, body: { text: string }): Promise<void>;
}

/** Posts with a timeout well under the job lock; anything but a 2xx answer is a failure. */
export const fetchPoster: Poster = {
	async post(url, body) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(15_000),
			redirect: 'error'
		});
		if (!response.ok) throw new Error(`webhook answered ${response.status}`);
	}
};

/** What a webhook job carries: the text, and the unit whose webhook it goes to. */
export interface WebhookPayload {
	text: string;
	unitId: number;
}

export const WEBHOOK_MAX = 500;

/**
 * A webhook address as an admin typed it: an absolute http(s) URL without credentials, or null
 * when it is not one. An empty field means "no webhook" and is handled by the form.
 */
export function webhookUrl(input: string): string | null {
	const value = input.trim();
	if (!value || value.length > WEBHOOK_MAX) return null;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (url.username || url.password || !url.hostname) return null;
	return url.toString();
}
