import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_BODY_KB } from './helpers/body';
import { EVENT_STREAM_KINDS } from './helpers/eventKinds';
import { EVENT_STREAM_BODY_TEMPLATE, html, JOURNEY_BODY_TEMPLATE } from './helpers/templates';

const onlyFor = (...source: string[]) => ({ show: { source } });

// n8n's notice keeps only links and bullet lists (it removes <b>, <ol>, <pre>, <code> and <br>),
// so each step is a list item and the bodies are shown as compact JSON on one line, which
// OneSignal accepts exactly like the indented form the README shows.
const README_SETUP =
	'https://github.com/n8n-nodes-onesignal/n8n-nodes-onesignal#setting-up-each-source';

const steps = (...items: string[]) =>
	`<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

const oneLine = (template: string) => html(JSON.stringify(JSON.parse(template)));

const urlStep =
	'Publish this workflow, then copy the Production URL from Webhook URLs at the top of this panel (the Test URL works only while you listen for a test event).';

const headerStep =
	"Add a header: its name is the Header Name of the OneSignal Webhook Secret credential, its value the credential's Secret.";

const readmeLink = `The <a href="${README_SETUP}" target="_blank">README</a> shows each step in detail.`;

const eventStreamSetup = [
	'To send events from OneSignal to this workflow:',
	steps(
		urlStep,
		'In OneSignal, open Data → Event Streams and create an event stream.',
		'Under Select Events, choose the message events to send (the Events filter below can narrow them further).',
		'Set the method to POST and paste the Production URL.',
		headerStep,
		'Add the header Content-Type: application/json.',
		`Paste this body: ${oneLine(EVENT_STREAM_BODY_TEMPLATE)}`,
	),
	`Requests without the right header get 401 and start nothing. A repeated event ID starts nothing (see Options). ${readmeLink}`,
].join('');

const journeySetup = [
	'To call this workflow from a Journey:',
	steps(
		urlStep,
		'In OneSignal, open Data → Webhooks and create a webhook.',
		'Set the method to POST and paste the Production URL.',
		headerStep,
		'Add the header Content-Type: application/json.',
		`Paste this body: ${oneLine(JOURNEY_BODY_TEMPLATE)} (to pass user tags, add "tags": { "plan": "{{ user.tags.plan }}" } inside "user").`,
		'Add a Webhook step with this webhook to your Journey.',
	),
	readmeLink,
].join('');

const webPushSetup = [
	"To receive your subscribers' web push events:",
	steps(
		urlStep,
		"Add ?token= and the credential's Web Push URL Token to the end of the URL.",
		'In OneSignal, open Settings → Push &amp; In-App → Web, turn on Webhooks and paste that URL for each event you want. Sites set up with custom code put the same URL into the webhooks option of OneSignal.init().',
	),
	"These requests come from your subscribers' browsers: anyone who can read your site can send one, so each item says fromBrowser: true. Treat its content as untrusted. With CORS turned on, browsers first send an OPTIONS request, which n8n answers.",
].join('');

/**
 * The name of an event kind as an action in n8n's node panel, in sentence case with OneSignal's
 * own capitals kept: "SMS Delivered" → "On SMS delivered". Without it n8n lowercases every word.
 */
function triggerAction(name: string): string {
	const words = name.split(' ').map((word) => (word === 'SMS' ? word : word.toLowerCase()));
	return `On ${words.join(' ')}`;
}

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
			// The catch-all comes first, where people look for it, ahead of the alphabetical rest.
			{
				name: 'All Events',
				value: '*',
				description: 'Every event kind, including future ones',
				action: 'On any event',
			},
			{ name: 'All Email Events', value: 'message.email.*', action: 'On any email event' },
			{
				name: 'All In-App Message Events',
				value: 'message.iam.*',
				action: 'On any in-app message event',
			},
			{
				name: 'All Live Activity Events',
				value: 'message.live_activity.*',
				action: 'On any Live Activity event',
			},
			{ name: 'All Push Events', value: 'message.push.*', action: 'On any push event' },
			{ name: 'All SMS Events', value: 'message.sms.*', action: 'On any SMS event' },
			...[...EVENT_STREAM_KINDS]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(({ kind, name, description }) => ({
					name,
					value: kind,
					description: `${description} (${kind})`,
					action: triggerAction(name),
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
