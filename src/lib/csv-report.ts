// A small CSV for reports built in the browser (the import's row-numbered error list): UTF-8 with
// BOM, `;`, and text cells that would start a spreadsheet formula neutralised.
const FORMULA_START = /^[=+\-@\t\r]/;

export function reportCsv(header: string[], rows: string[][]): string {
	const cell = (value: string) => {
		const text = FORMULA_START.test(value) ? `'${value}` : value;
		return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
