// The overview's chart configurations, shared by the overview and the council report. Money is
// plotted in CZK (floats are fine for coordinates; every figure people read is formatted exactly).
import type { ChartConfiguration, Plugin } from 'chart.js';
import { KPI_STATUSES, type KpiStatus } from '$lib/kpi-status';
import { STATUS_COLORS, statusLabel } from '$lib/status-labels';

type Css = (name: string, fallback: string) => string;

export interface CostStructureData {
	years: string[];
	fixed: number[];
	variable: number[];
	investment: number[];
	/** investment share in per cent, null where nothing was spent */
	share: (number | null)[];
	/** the target share in per cent, drawn as a line; null when none is set */
	target?: number | null;
	labels: {
		fixed: string;
		variable: string;
		investment: string;
		share: string;
		czk: string;
		target?: string;
		percent?: string;
	};
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
					stack: 'c',
					order: 1
				},
				{
					label: d.labels.variable,
					data: d.variable,
					backgroundColor: css('--variable', '#4b8bbe'),
					stack: 'c',
					order: 1
				},
				{
					label: d.labels.investment,
					data: d.investment,
					backgroundColor: css('--investment', '#2da44e'),
					stack: 'c',
					order: 1
				},
				{
					type: 'line',
					label: d.labels.share,
					data: d.share,
					yAxisID: 'share',
					borderColor: css('--text', '#1b1f24'),
					backgroundColor: css('--text', '#1b1f24'),
					pointRadius: 4,
					// A lower order is drawn later: the line stays above the bars.
					order: 0
				},
				...(d.target === null || d.target === undefined
					? []
					: [
							{
								type: 'line' as const,
								label: d.labels.target ?? '',
								data: d.years.map(() => d.target!),
								yAxisID: 'share',
								borderColor: css('--text', '#1b1f24'),
								borderDash: [6, 4],
								borderWidth: 1.5,
								pointRadius: 0,
								order: 0
							}
						])
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
					// Room above the target line, so it never sits on the chart's edge.
					suggestedMax: d.target ? d.target * 1.25 : undefined,
					title: { display: !!d.labels.percent, text: d.labels.percent ?? '' },
					grid: { drawOnChartArea: false },
					ticks: { callback: (v) => d.formatPercent(Number(v) / 100) }
				}
			},
			plugins: {
				tooltip: {
					callbacks: {
						label: (ctx) =>
							(ctx.dataset as { yAxisID?: string }).yAxisID === 'share'
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
	/** the value axis' title with its unit */
	axis?: string;
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
			scales: {
				x: {
					title: { display: !!d.axis, text: d.axis ?? '' },
					ticks: { callback: (v) => d.format(Number(v)) }
				}
			},
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
	/** how many bubbles carry their process's name (the costliest); the rest show it on hover */
	labelled?: number;
	xLabel: string;
	yLabel: string;
	formatCzk: (v: number) => string;
	tooltip: (p: MatrixPoint) => string;
	onClick: (id: number) => void;
}

/** The names of the `n` costliest processes, written beside their bubbles. */
function bubbleLabels(n: number, colour: string): Plugin {
	return {
		id: 'bubbleLabels',
		afterDatasetsDraw(chart) {
			const all = chart.data.datasets.flatMap((set, di) =>
				(set.data as unknown as MatrixPoint[]).map((p, i) => ({ p, di, i }))
			);
			const top = all.sort((a, b) => b.p.x - a.p.x).slice(0, n);
			const { ctx } = chart;
			ctx.save();
			ctx.font = '11px system-ui, sans-serif';
			ctx.fillStyle = colour;
			ctx.textBaseline = 'middle';
			for (const { p, di, i } of top) {
				if (!chart.isDatasetVisible(di)) continue;
				const el = chart.getDatasetMeta(di).data[i] as unknown as { x: number; y: number };
				const name = p.name.length > 28 ? `${p.name.slice(0, 27)}…` : p.name;
				// Left of the bubble when it sits in the right part of the chart, else right of it.
				const right = el.x < chart.chartArea.left + chart.chartArea.width * 0.6;
				ctx.textAlign = right ? 'left' : 'right';
				ctx.fillText(name, el.x + (right ? 1 : -1) * (p.r + 4), el.y);
			}
			ctx.restore();
		}
	};
}

/** Improvement-opportunity matrix: full cost × potential, bubble = volume, colour = kind. */
export function opportunityMatrix(d: MatrixData) {
	return (css: Css): ChartConfiguration => ({
		type: 'bubble',
		plugins: d.labelled ? [bubbleLabels(d.labelled, css('--text', '#1b1f24'))] : [],
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
				// Every bubble names its process on hover or touch, small ones included.
				tooltip: {
					mode: 'nearest',
					intersect: false,
					callbacks: { label: (ctx) => d.tooltip(ctx.raw as MatrixPoint) }
				}
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

/** The goals by status (the overview's and the council report's goal health). */
export function goalHealth(counts: Record<KpiStatus, number>) {
	return doughnut({
		labels: KPI_STATUSES.map(statusLabel),
		values: KPI_STATUSES.map((s) => counts[s]),
		colors: KPI_STATUSES.map((s) => STATUS_COLORS[s])
	});
}
