import type { INodeProperties } from 'n8n-workflow';

const UUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A picker with "From List" (searchable) and "By ID" (checked to be a UUID). */
function uuidLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	idHint: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: idHint,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1dd608f2-c6a1-11e3-851d-000c2940e62c',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${UUID_REGEX}\\s*$`,
							errorMessage: `Not a valid ${displayName.toLowerCase()} ID: it is a UUID such as 1dd608f2-c6a1-11e3-851d-000c2940e62c`,
						},
					},
				],
			},
		],
	};
}

export const templateRLC = uuidLocator(
	'Template',
	'template',
	'searchTemplates',
	'The template to use. Its ID is in OneSignal under Messages → Templates → the template.',
);

export const segmentRLC = uuidLocator(
	'Segment',
	'segment',
	'searchSegments',
	'The segment. Its ID is in OneSignal under Audience → Segments → the segment (in the page address).',
);

/** Apps of the organization; the list needs the organization key. */
export const appRLC = uuidLocator(
	'App',
	'app',
	'searchApps',
	'The OneSignal app. Its App ID is in OneSignal under Settings → Keys & IDs.',
);

export const journeyRLC = uuidLocator(
	'Journey',
	'journey',
	'searchJourneys',
	'The journey. Its ID is in OneSignal under Messages → Journeys → the journey (in the page address), or in the output of Journey → Get Many.',
);
