// bpmn-moddle 10 and bpmn-auto-layout ship no declarations for their entry points; these are the
// parts Dílna calls.
declare module 'bpmn-moddle' {
	export interface ModdleWarning {
		message: string;
	}
	export interface ModdleElement {
		$type: string;
		$instanceOf(type: string): boolean;
		id?: string;
		name?: string;
		[key: string]: unknown;
	}
	export class BpmnModdle {
		constructor(packages?: Record<string, unknown>);
		fromXML(
			xml: string,
			typeName?: string
		): Promise<{ rootElement: ModdleElement; warnings: ModdleWarning[] }>;
		toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
	}
}

declare module 'bpmn-auto-layout' {
	export function layoutProcess(xml: string): Promise<string>;
}
