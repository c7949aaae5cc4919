// Chart.js, with only the parts the overview and the council report draw. Pages import this
// module dynamically, so the chart code loads after the figures and stays out of the page's
// first JavaScript.
import {
	ArcElement,
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	Chart,
	DoughnutController,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';

Chart.register(
	ArcElement,
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	DoughnutController,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);

export { Chart };

export function cssVar(name: string, fallback: string): string {
	const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
	return v || fallback;
}

/** Charts for print and tests: no animation, so the canvas is complete at once. */
export function draw(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
	config.options = { animation: false, maintainAspectRatio: false, ...config.options };
	return new Chart(canvas, config);
}
