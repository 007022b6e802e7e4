import type { ContractCase } from './types';

const TEMPLATE = { __rl: true, mode: 'id', value: 'e4d3c2b1-a09f-4f1e-8d7c-6b5a4f3e2d1c' };

// The spec requires `contents` on every new template, while OneSignal's reference creates email
// templates from email_subject and email_body alone (which is what the node sends); so only push
// and SMS templates can be checked against the spec.
export const templateCases: ContractCase[] = [
	{
		operationId: 'create_template',
		title: 'Create a push template',
		parameters: {
			resource: 'template',
			operation: 'create',
			name: 'Order shipped',
			channel: 'push',
			heading: 'On its way',
			message: 'Order {{ message.custom_data.order }} has shipped',
			additionalFields: {
				url: 'https://example.com/orders',
				subtitle: 'Track it live',
				dynamicContent: '{"spring": {"A": {"title": "Hi"}}}',
			},
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toMatchObject({
				name: 'Order shipped',
				contents: { en: 'Order {{ message.custom_data.order }} has shipped' },
				headings: { en: 'On its way' },
				subtitle: { en: 'Track it live' },
				url: 'https://example.com/orders',
				dynamic_content: '{"spring":{"A":{"title":"Hi"}}}',
			});
		},
	},
	{
		operationId: 'create_template',
		title: 'Create an SMS template',
		parameters: {
			resource: 'template',
			operation: 'create',
			name: 'Code',
			channel: 'sms',
			message: 'Your code is {{ message.custom_data.code }}',
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toMatchObject({ isSMS: true });
		},
	},
	{
		operationId: 'view_template',
		title: 'Get a template',
		parameters: { resource: 'template', operation: 'get', template: TEMPLATE },
	},
	{
		operationId: 'view_templates',
		title: 'Get many email templates',
		parameters: {
			resource: 'template',
			operation: 'getAll',
			returnAll: false,
			limit: 20,
			filters: { channel: 'email' },
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.qs).toMatchObject({ limit: 20, offset: 0, channel: 'email' });
		},
	},
	{
		operationId: 'update_template',
		title: 'Update the subject and BCC of an email template',
		parameters: {
			resource: 'template',
			operation: 'update',
			template: TEMPLATE,
			updateFields: {
				emailSubject: 'Your receipt',
				emailBcc: 'archive@example.com, audit@example.com',
				name: 'Receipt v2',
			},
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toEqual({
				name: 'Receipt v2',
				email_subject: 'Your receipt',
				email_bcc: ['archive@example.com', 'audit@example.com'],
			});
		},
	},
	{
		operationId: 'delete_template',
		title: 'Delete a template',
		parameters: { resource: 'template', operation: 'delete', template: TEMPLATE },
		check: (run) => {
			expect(run.output?.[0][0].json).toEqual({ deleted: true, id: TEMPLATE.value });
		},
	},
	{
		operationId: 'copy_template_to_app',
		title: 'Copy a template to another app with the organization key',
		organization: true,
		parameters: {
			resource: 'template',
			operation: 'copyToApp',
			template: TEMPLATE,
			targetAppId: '9b2d4f6a-8c1e-4a3b-9d5f-7e1a3c5b7d90',
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.credentialType).toBe('oneSignalOrganizationApi');
			expect(exchanges[0].call.sent.body).toEqual({
				target_app_id: '9b2d4f6a-8c1e-4a3b-9d5f-7e1a3c5b7d90',
			});
		},
	},
];
