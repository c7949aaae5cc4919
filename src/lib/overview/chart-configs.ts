// The overview's chart configurations, shared by the overview and the council report. Money is
// plotted in CZK (floats are fine for coordinates; every figure people read is formatted exactly).
import type { ChartConfiguration } from 'chart.js';

type Css = (name: string, fallback: string) => string;

export interface CostStructureData {
	years: string[];
	fixed: number[];
	variable: number[];
	investment: number[];
	/** investment share in per cent, null where nothing was spent */
	share: (number | null)[];
	labels: { fixed: string; variable: string; investment: string; share: string; czk: string };
	formatCzk: (v: number) => string;
	formatPercent: (v: number) => string;
}

export function costStructure(d: CostStructureData) {
	return (css: Css): ChartConfiguration => ({
		type: 'bar',
		data: {
			labels: d.years,
			datasets: [
				{
					label: d.labels.fixed,
					data: d.fixed,
					backgroundColor: css('--fixed', '#8c959f'),
					stack: 'c'
				},
				{
					label: d.labels.variable,
					data: d.variable,
					backgroundColor: css('--variable', '#4b8bbe'),
					stack: 'c'
				},
				{
					label: d.labels.investment,
					data: d.investment,
					backgroundColor: css('--investment', '#2da44e'),
					stack: 'c'
				},
				{
					type: 'line',
					label: d.labels.share,
					data: d.share,
					yAxisID: 'share',
					borderColor: css('--text', '#1b1f24'),
					backgroundColor: css('--text', '#1b1f24'),
					pointRadius: 4
				}
			]
		},
		options: {
			scales: {
				x: { stacked: true },
				y: {
					stacked: true,
					title: { display: true, text: d.labels.czk },
					ticks: { callback: (v) => d.formatCzk(Number(v)) }
				},
				share: {
					position: 'right',
					beginAtZero: true,
					grid: { drawOnChartArea: false },
					ticks: { callback: (v) => d.formatPercent(Number(v) / 100) }
				}
			},
			plugins: {
				tooltip: {
					callbacks: {
						label: (ctx) =>
							ctx.dataset.yAxisID === 'share'
								? `${ctx.dataset.label}: ${d.formatPercent(Number(ctx.raw) / 100)}`
								: `${ctx.dataset.label}: ${d.formatCzk(Number(ctx.raw))}`
					}
				}
			}
		}
	});
}

export interface RankingData {
	labels: string[];
	values: number[];
	label: string;
	color: string;
	format: (v: number) => string;
	onClick?: (index: number) => void;
}

export function ranking(d: RankingData) {
	return (css: Css): ChartConfiguration => ({
		type: 'bar',
		data: {
			labels: d.labels,
			datasets: [{ label: d.label, data: d.values, backgroundColor: css(d.color, '#1f4e79') }]
		},
		options: {
			indexAxis: 'y',
			plugins: {
				legend: { display: false },
				tooltip: { callbacks: { label: (ctx) => d.format(Number(ctx.raw)) } }
			},
			scales: { x: { ticks: { callback: (v) => d.format(Number(v)) } } },
			onClick: (_e, elements) => {
				if (d.onClick && elements[0]) d.onClick(elements[0].index);
			}
		}
	});
}

export interface MatrixPoint {
	x: number;
	y: number;
	r: number;
	name: string;
	volume: number;
	/** the process id (the tooltip can name figures kept beside the chart, e.g. modelled hours) */
	id?: number;
}

export interface MatrixData {
	kinds: { label: string; color: string; points: MatrixPoint[]; ids: number[] }[];
	xLabel: string;
	yLabel: string;
	formatCzk: (v: number) => string;
	tooltip: (p: MatrixPoint) => string;
	onClick: (id: number) => void;
}

/** Improvement-opportunity matrix: full cost × potential, bubble = volume, colour = kind. */
export function opportunityMatrix(d: MatrixData) {
	return (css: Css): ChartConfiguration => ({
		type: 'bubble',
		data: {
			datasets: d.kinds.map((k) => ({
				label: k.label,
				data: k.points,
				backgroundColor: css(k.color, '#1f4e79') + 'b3',
				borderColor: css(k.color, '#1f4e79')
			}))
		},
		options: {
			scales: {
				x: {
					title: { display: true, text: d.xLabel },
					ticks: { callback: (v) => d.formatCzk(Number(v)) }
				},
				y: { title: { display: true, text: d.yLabel }, min: 0, max: 100 }
			},
			plugins: {
				tooltip: { callbacks: { label: (ctx) => d.tooltip(ctx.raw as MatrixPoint) } }
			},
			onClick: (_e, elements) => {
				const el = elements[0];
				if (el) d.onClick(d.kinds[el.datasetIndex].ids[el.index]);
			},
			onHover: (e, elements) => {
				const target = e.native?.target as HTMLElement | undefined;
				if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
			}
		}
	});
}

export interface DoughnutData {
	labels: string[];
	values: number[];
	colors: string[];
}

export function doughnut(d: DoughnutData) {
	return (css: Css): ChartConfiguration => ({
		type: 'doughnut',
		data: {
			labels: d.labels,
			datasets: [{ data: d.values, backgroundColor: d.colors.map((c) => css(c, '#6e7781')) }]
		},
		options: { plugins: { legend: { position: 'right' } } }
	});
}
