import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_BODY_KB } from './helpers/body';
import { EVENT_STREAM_KINDS } from './helpers/eventKinds';
import { EVENT_STREAM_BODY_TEMPLATE, html, JOURNEY_BODY_TEMPLATE } from './helpers/templates';

const onlyFor = (...source: string[]) => ({ show: { source } });

const urlStep =
	'Publish this workflow, then copy the <b>Production URL</b> from <i>Webhook URLs</i> at the top of this panel (the Test URL works only while you listen for a test event).';

const headerStep =
	"Add a header: as its name the <b>Header Name</b> of the OneSignal Webhook Secret credential, as its value the credential's <b>Secret</b>.";

const eventStreamSetup = [
	'<b>Set up the Event Stream in OneSignal</b>',
	'<ol>',
	`<li>${urlStep}</li>`,
	'<li>In OneSignal open <b>Data → Event Streams</b> and create a new event stream.</li>',
	'<li>Under <b>Select Events</b> choose the message events to send (the <i>Events</i> filter below can narrow them further).</li>',
	'<li>Set the method to <b>POST</b> and paste the Production URL.</li>',
	`<li>${headerStep}</li>`,
	'<li>Add the header <code>Content-Type: application/json</code> and paste this body:</li>',
	'</ol>',
	`<pre>${html(EVENT_STREAM_BODY_TEMPLATE)}</pre>`,
	'Requests without the right header get 401 and start nothing. A repeated event ID starts nothing (see <i>Options</i>).',
].join('');

const journeySetup = [
	'<b>Set up the Journey webhook in OneSignal</b>',
	'<ol>',
	`<li>${urlStep}</li>`,
	'<li>In OneSignal open <b>Data → Webhooks</b> and create a webhook.</li>',
	'<li>Set the method to <b>POST</b> and paste the Production URL.</li>',
	`<li>${headerStep}</li>`,
	'<li>Add the header <code>Content-Type: application/json</code> and paste this body (add user tags as <code>"tags": { "plan": "{{ user.tags.plan }}" }</code> inside <code>user</code>):</li>',
	'</ol>',
	`<pre>${html(JOURNEY_BODY_TEMPLATE)}</pre>`,
	'<ol start="6"><li>Add a <b>Webhook</b> step with this webhook to your Journey.</li></ol>',
].join('');

const webPushSetup = [
	'<b>Set up web push webhooks</b>',
	'<ol>',
	`<li>${urlStep}</li>`,
	"<li>Add <code>?token=</code> and the credential's <b>Web Push URL Token</b> to the end of the URL.</li>",
	'<li>In OneSignal open <b>Settings → Push &amp; In-App → Web</b>, turn on <b>Webhooks</b> and paste that URL for each event you want. Sites set up with custom code put the same URL into <code>webhooks</code> of <code>OneSignal.init()</code>.</li>',
	'</ol>',
	"These requests come from your subscribers' browsers: anyone who can read your site can send one, so the output says <code>fromBrowser: true</code>. Treat its content as untrusted. With CORS turned on, browsers first send an OPTIONS request, which n8n answers.",
].join('');

/** Everything the OneSignal Trigger shows, in order. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Event Stream',
				value: 'eventStream',
				description:
					'Message events (sent, received, clicked, bounced, …) streamed by OneSignal as they happen',
			},
			{
				name: 'Journey Webhook',
				value: 'journeyWebhook',
				description: 'A Webhook step in a OneSignal Journey',
			},
			{
				name: 'Web Push Webhook',
				value: 'webPushWebhook',
				description:
					"Sent by subscribers' browsers when a web push is displayed, clicked or dismissed",
			},
		],
		default: 'eventStream',
	},
	{
		displayName: eventStreamSetup,
		name: 'eventStreamSetup',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('eventStream'),
	},
	{
		displayName: journeySetup,
		name: 'journeySetup',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('journeyWebhook'),
	},
	{
		displayName: webPushSetup,
		name: 'webPushSetup',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('webPushWebhook'),
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{ name: 'All Events', value: '*', description: 'Every event kind, including future ones' },
			{ name: 'All Email Events', value: 'message.email.*' },
			{ name: 'All In-App Message Events', value: 'message.iam.*' },
			{ name: 'All Live Activity Events', value: 'message.live_activity.*' },
			{ name: 'All Push Events', value: 'message.push.*' },
			{ name: 'All SMS Events', value: 'message.sms.*' },
			...[...EVENT_STREAM_KINDS]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(({ kind, name, description }) => ({
					name,
					value: kind,
					description: `${description} (${kind})`,
				})),
		],
		default: ['*'],
		description:
			'Which event kinds start the workflow. Others are acknowledged with 200 and start nothing.',
		displayOptions: onlyFor('eventStream'),
	},
	{
		displayName: 'Events',
		name: 'webPushEvents',
		type: 'multiOptions',
		options: [
			{
				name: 'Notification Clicked',
				value: 'notification.clicked',
				description: 'The subscriber clicked the notification or one of its buttons',
			},
			{
				name: 'Notification Dismissed',
				value: 'notification.dismissed',
				description: 'The subscriber closed it, or it expired (Chrome only)',
			},
			{
				name: 'Notification Will Display',
				value: 'notification.willDisplay',
				description: 'The notification is shown (older SDKs call it notification.displayed)',
			},
		],
		default: ['notification.willDisplay', 'notification.clicked', 'notification.dismissed'],
		description:
			'Which browser events start the workflow. Others are acknowledged with 200 and start nothing.',
		displayOptions: onlyFor('webPushWebhook'),
	},
	{
		displayName: 'Options',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Additional Event Patterns',
				name: 'extraPatterns',
				type: 'string',
				default: '',
				placeholder: 'e.g. message.*.clicked, message.email.bounced',
				description:
					'More event kinds to accept, separated by commas; * matches anything. Only for the Event Stream source.',
			},
			{
				displayName: 'Deduplication Window (Minutes)',
				name: 'dedupeWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1440,
				description:
					'How long an event ID is remembered. An event whose ID was seen within this time is answered with 200 and starts nothing. 0 turns de-duplication off.',
			},
			{
				displayName: 'Include Request Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the request headers and query to each item. The secret header and the URL token are always left out.',
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodyKb',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16384 },
				default: DEFAULT_MAX_BODY_KB,
				description: 'Larger requests are refused with 413 and start nothing',
			},
			{
				displayName: 'Remembered Event IDs',
				name: 'dedupeMaxEntries',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20000 },
				default: 1000,
				description:
					'At most this many event IDs are remembered (the oldest are forgotten first). They are stored with the workflow.',
			},
		],
	},
];
