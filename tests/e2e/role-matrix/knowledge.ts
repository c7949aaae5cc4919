import type { WriteAction } from './types';

// The knowledge base: documents and audit findings. Every form is invalid (an empty title, no
// file) so the allowed roles get 400 and nothing changes; which document a process owner may
// edit (their own) and who reads a confidential one are checked in the service and covered by
// tests/integration/documents.test.ts.
export const knowledgeActions: WriteAction[] = [
	{
		route: '/(app)/knowledge/documents',
		action: 'create',
		path: '/knowledge/documents',
		capabilities: ['knowledge.edit', 'knowledge.edit_own'],
		form: { title: '' }
	},
	{
		route: '/(app)/knowledge/documents/[id]',
		action: 'update',
		path: '/knowledge/documents/999999',
		capabilities: ['knowledge.edit', 'knowledge.edit_own'],
		form: { title: '', version: '1' }
	},
	{
		route: '/(app)/knowledge/documents/[id]',
		action: 'upload',
		path: '/knowledge/documents/999999',
		capabilities: ['knowledge.edit', 'knowledge.edit_own'],
		form: { version: '1' }
	},
	{
		route: '/(app)/knowledge/findings',
		action: 'create',
		path: '/knowledge/findings',
		capabilities: ['findings.edit'],
		form: { title: '' }
	},
	{
		route: '/(app)/knowledge/findings/[id]',
		action: 'update',
		path: '/knowledge/findings/999999',
		capabilities: ['findings.edit'],
		form: { title: '', version: '1' }
	},
	{
		route: '/(app)/knowledge/findings/[id]',
		action: 'toAction',
		path: '/knowledge/findings/999999',
		capabilities: ['findings.edit'],
		form: { roundId: '', version: '1' }
	}
];
