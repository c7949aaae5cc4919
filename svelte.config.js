import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		// Separate folders let several builds run side by side (e.g. parallel end-to-end runs).
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		version: { name: pkg.version },
		// Scripts get hashes, not nonces: a page kept per data version (page-cache.ts) is sent again
		// with its header, and a nonce must not be. Styles stay 'unsafe-inline' because Svelte's
		// style: directives and Chart.js set inline styles, which a hash cannot cover.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
