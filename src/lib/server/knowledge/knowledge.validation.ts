import { FormReader, type Parsed } from '../shared/form';
import {
	FINDING_SEVERITIES,
	FINDING_SOURCES,
	FINDING_STATUSES,
	type DocumentInput,
	type FindingInput
} from './knowledge';

type Form = Record<string, unknown>;

/** The repeated fields of a document's links, as the route read them with `getAll`. */
export interface LinkValues {
	processIds: number[];
	assetIds: number[];
	subcriterionCodes: string[];
}

export function parseDocument(form: Form, links: LinkValues): Parsed<DocumentInput> {
	const f = new FormReader(form);
	const title = f.text('title', { required: true, max: 300 });
	const description = f.text('description', { max: 4000 });
	const ownerUserId = f.id('ownerUserId', { required: true });
	const validFrom = f.date('validFrom');
	const validTo = f.date('validTo');
	const reviewDate = f.date('reviewDate');
	if (validFrom && validTo && validTo < validFrom) f.errors.validTo = 'knowledge_error_validity';
	return f.result({
		title: title!,
		description,
		ownerUserId: ownerUserId!,
		confidential: f.bool('confidential'),
		validFrom,
		validTo,
		reviewDate,
		...links
	});
}

export function parseFinding(form: Form): Parsed<FindingInput> {
	const f = new FormReader(form);
	const title = f.text('title', { required: true, max: 300 });
	const description = f.text('description', { max: 4000 });
	const source = f.choice('source', FINDING_SOURCES);
	const severity = f.choice('severity', FINDING_SEVERITIES);
	const processId = f.id('processId');
	const ownerUserId = f.id('ownerUserId');
	const correctiveAction = f.text('correctiveAction', { max: 4000 });
	const dueDate = f.date('dueDate');
	const closureEvidence = f.text('closureEvidence', { max: 4000 });
	const status = f.choice('status', FINDING_STATUSES, { required: false }) ?? 'open';
	if (status === 'closed' && !closureEvidence && !f.errors.closureEvidence) {
		f.errors.closureEvidence = 'knowledge_error_closure_evidence';
	}
	return f.result({
		title: title!,
		description,
		source: source!,
		severity: severity!,
		processId,
		ownerUserId,
		correctiveAction,
		dueDate,
		closureEvidence,
		status
	});
}

/** The round and subcriterion a finding's corrective action becomes an improvement action in. */
export function parseToAction(form: Form): Parsed<{ roundId: number; subcriterionCode: string }> {
	const f = new FormReader(form);
	const roundId = f.id('roundId', { required: true });
	const subcriterionCode = f.text('subcriterionCode', { required: true, max: 5 });
	return f.result({ roundId: roundId!, subcriterionCode: subcriterionCode! });
}
