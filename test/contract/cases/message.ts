import type { ContractCase } from './types';

const MESSAGE_ID = '7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c';

export const messageCases: ContractCase[] = [
	{
		operationId: 'create_notification',
		title: 'Send a push to external IDs with the common options',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'externalIds',
			externalIds: 'user-ada, user-grace',
			heading: 'Welcome',
			message: 'Hi Ada',
			additionalFields: {
				url: 'https://example.com/tour',
				data: '{"orderId": 42}',
				ttl: 3600,
				priority: 10,
				imageUrl: 'https://example.com/img.png',
				sendAfter: '2030-01-01T09:00:00+01:00',
				otherLanguages: {
					language: [{ language: 'fr', heading: 'Bienvenue', message: 'Salut Ada' }],
				},
			},
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send an email to addresses',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'email',
			sendTo: 'emails',
			emails: 'ada@example.com',
			emailSubject: 'Your receipt',
			emailBody: '<p>Thanks!</p>',
			additionalFields: { emailFromName: 'Shop', includeUnsubscribed: true },
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send an SMS to phone numbers',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'sms',
			sendTo: 'phoneNumbers',
			phoneNumbers: '+15551234567',
			message: 'Your code is 1234',
			smsFrom: '+15557654321',
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send a template to a segment',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'segments',
			segments: ['VIP'],
			confirmEntireSegment: true,
			contentSource: 'template',
			template: { __rl: true, mode: 'id', value: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f' },
			templateVariables: '{"order": "A-1"}',
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send with filters',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'filters',
			filters: {
				conditions: [
					{ field: 'tag', key: 'plan', relation: '=', value: 'pro' },
					{ join: 'or', field: 'last_session', relation: '<', value: '24' },
				],
			},
			message: 'Hi',
		},
	},
	{
		operationId: 'get_notification',
		title: 'Get a message',
		parameters: { resource: 'message', operation: 'get', messageId: MESSAGE_ID },
	},
	{
		operationId: 'get_notifications',
		title: 'Get many messages',
		parameters: { resource: 'message', operation: 'getAll', returnAll: false, limit: 5 },
	},
	{
		operationId: 'cancel_notification',
		title: 'Cancel a message',
		parameters: { resource: 'message', operation: 'cancel', messageId: MESSAGE_ID },
	},
];
