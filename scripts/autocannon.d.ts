// The part of autocannon's API scripts/bench-load.ts uses (the package ships no types).
declare module 'autocannon' {
	interface Histogram {
		average: number;
		total: number;
		p50: number;
		p99: number;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		timeout?: number;
		headers?: Record<string, string>;
		/** worker threads that fire the requests (0: on the calling thread) */
		workers?: number;
	}
	export default function autocannon(options: Options): Promise<Result>;
}
