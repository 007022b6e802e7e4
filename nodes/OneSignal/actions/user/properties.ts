import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LANGUAGES } from '../../helpers/languages';
import type { DeltaInput, PropertyInput, PurchaseInput } from '../../helpers/userProperties';
import { fixedRows } from './shared';

/** The typed fields of a user's properties, for Create User and Update User. */

function timeZoneOptions(): Array<{ name: string; value: string }> {
	// Every zone the running Node.js knows, so the list matches what the validation accepts.
	const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
	const zones = intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
	return [...zones].sort((a, b) => a.localeCompare(b)).map((zone) => ({ name: zone, value: zone }));
}

export const tagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Tag',
	default: {},
	description:
		'Data tags for segmenting and personalising (OneSignal: Audience → Users → a user → Tags). Values are stored as text.',
	options: [
		{
			name: 'tag',
			displayName: 'Tag',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. plan',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. pro',
				},
			],
		},
	],
};

/** Fields of `properties`, alphabetised, for a collection. `withRemoval` adds "Tags to Remove". */
export function propertyFields(withRemoval: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Amount Spent',
			name: 'amountSpent',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Total the user has spent, in US dollars',
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. US',
			description: 'Two-letter ISO 3166-1 country code',
		},
		{
			displayName: 'First Active',
			name: 'firstActive',
			type: 'dateTime',
			default: '',
			description:
				'When the user was first seen, in the workflow’s time zone unless it has an offset',
		},
		{
			displayName: 'IP Address',
			name: 'ip',
			type: 'string',
			default: '',
			placeholder: 'e.g. 203.0.113.10',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: LANGUAGES,
			default: 'en',
			description: 'The language messages are sent to the user in',
		},
		{
			displayName: 'Last Active',
			name: 'lastActive',
			type: 'dateTime',
			default: '',
			description:
				'When the user was last seen, in the workflow’s time zone unless it has an offset',
		},
		{
			displayName: 'Latitude',
			name: 'latitude',
			type: 'number',
			typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
			default: 0,
			description: 'Set together with Longitude',
		},
		{
			displayName: 'Longitude',
			name: 'longitude',
			type: 'number',
			typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
			default: 0,
			description: 'Set together with Latitude',
		},
		tagsField,
		{
			displayName: 'Tags (JSON)',
			name: 'tagsObject',
			type: 'json',
			default: '{}',
			description:
				'More tags as an object, such as {"plan": "pro"}, handy when an earlier node built them. Merged over Tags.',
		},
	];
	if (withRemoval) {
		fields.push({
			displayName: 'Tags to Remove',
			name: 'removeTags',
			type: 'string',
			default: '',
			placeholder: 'e.g. trial_ends, coupon',
			description: 'Tag keys to delete from the user, separated by commas',
		});
	}
	fields.push({
		displayName: 'Timezone',
		name: 'timezone',
		type: 'options',
		options: timeZoneOptions(),
		default: 'UTC',
		description: 'The user’s time zone, used for delivery at the same local time',
	});
	return fields;
}

/** Reads the collection built from propertyFields. */
export function propertyInput(raw: IDataObject): PropertyInput {
	return {
		tags: fixedRows(raw.tags, 'tag'),
		tagsObject: raw.tagsObject,
		removeTags: raw.removeTags,
		language: raw.language,
		timezone: raw.timezone,
		country: raw.country,
		latitude: raw.latitude,
		longitude: raw.longitude,
		firstActive: raw.firstActive,
		lastActive: raw.lastActive,
		amountSpent: raw.amountSpent,
		ip: raw.ip,
	};
}

export const activityFields: INodeProperties[] = [
	{
		displayName: 'Purchases',
		name: 'purchases',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Purchase',
		default: {},
		description: 'In-app purchases to add to the user’s history and amount spent',
		options: [
			{
				name: 'purchase',
				displayName: 'Purchase',
				values: [
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'string',
						default: '',
						placeholder: 'e.g. 4.99',
						description: 'The price paid, without a currency sign',
					},
					{
						displayName: 'Count',
						name: 'count',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
					},
					{
						displayName: 'Currency',
						name: 'currency',
						type: 'string',
						default: 'USD',
						description: 'Three-letter ISO 4217 code',
					},
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
						placeholder: 'e.g. com.example.coins100',
						description: 'The product identifier',
					},
				],
			},
		],
	},
	{
		displayName: 'Session Count to Add',
		name: 'sessionCount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'Sessions to add to the user’s session count',
	},
	{
		displayName: 'Session Time to Add (Seconds)',
		name: 'sessionTime',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Seconds to add to the user’s total session time',
	},
];

export function deltaInput(raw: IDataObject): DeltaInput {
	return {
		sessionCount: raw.sessionCount,
		sessionTime: raw.sessionTime,
		purchases: fixedRows<PurchaseInput>(raw.purchases, 'purchase'),
	};
}
