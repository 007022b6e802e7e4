import { ParameterError } from './validation';

/**
 * Journeys as the Journeys API (beta) takes them: a node graph where each node's `kind` selects
 * its other fields. The editor offers a linear list of steps; branching graphs go in as JSON.
 */

export type StepKind =
	| 'wait'
	| 'send_push'
	| 'send_email'
	| 'send_sms'
	| 'send_iam'
	| 'send_webhook'
	| 'tag';

/** One row of the "Steps" list. */
export interface JourneyStep {
	kind: StepKind;
	waitMinutes?: number;
	templateId?: string;
	iamId?: string;
	webhookId?: string;
	tags?: string;
	annotation?: string;
}

/** The API's bounds for waits: 60 seconds to one year. */
export const MIN_WAIT_SECONDS = 60;
export const MAX_WAIT_SECONDS = 31_556_952;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads tag assignments written as `plan=pro, source=n8n`. An empty value (`plan=`) removes the
 * tag, as the API defines it.
 */
export function parseTagAssignments(text: string, parameter: string): Record<string, string> {
	const result: Record<string, string> = {};
	for (const part of text.split(/[,\n]/)) {
		const entry = part.trim();
		if (!entry) continue;
		const equals = entry.indexOf('=');
		if (equals <= 0) {
			throw new ParameterError(
				parameter,
				`"${entry}" is not written as key=value`,
				'Write tags like plan=pro, source=n8n; "plan=" removes the tag.',
			);
		}
		result[entry.slice(0, equals).trim()] = entry.slice(equals + 1).trim();
	}
	return result;
}

export function waitSeconds(minutes: unknown, parameter: string): number {
	const seconds = Math.round(Number(minutes) * 60);
	if (!Number.isFinite(seconds) || seconds < MIN_WAIT_SECONDS || seconds > MAX_WAIT_SECONDS) {
		throw new ParameterError(
			parameter,
			`a wait of ${String(minutes)} minutes is outside what OneSignal allows`,
			'Use at least 1 minute and at most one year (525,949 minutes).',
		);
	}
	return seconds;
}

function requiredUuid(value: string | undefined, parameter: string, what: string): string {
	const id = (value ?? '').trim();
	if (!UUID.test(id)) {
		throw new ParameterError(
			parameter,
			id ? `"${id}" is not a ${what} ID` : `the ${what} ID is missing`,
			`Enter the ${what}'s ID, a UUID.`,
		);
	}
	return id;
}

/** Turns the editor's steps into journey nodes, checking each row's required field. */
export function buildJourneyNodes(steps: JourneyStep[]): Array<Record<string, unknown>> {
	return steps.map((step, index) => {
		const where = `Steps, row ${index + 1}`;
		const node: Record<string, unknown> = { kind: step.kind };
		switch (step.kind) {
			case 'wait':
				node.duration_seconds = waitSeconds(step.waitMinutes, where);
				break;
			case 'send_push':
			case 'send_email':
			case 'send_sms':
				node.template_id = requiredUuid(step.templateId, where, 'template');
				break;
			case 'send_iam':
				node.iam_id = requiredUuid(step.iamId, where, 'in-app message');
				break;
			case 'send_webhook':
				node.webhook_id = requiredUuid(step.webhookId, where, 'webhook');
				break;
			case 'tag': {
				const tags = parseTagAssignments(step.tags ?? '', where);
				if (Object.keys(tags).length === 0) {
					throw new ParameterError(where, 'a tag step sets no tag', 'Enter tags like plan=pro.');
				}
				node.assignments = tags;
				break;
			}
			default:
				throw new ParameterError(
					where,
					`"${String(step.kind)}" is not a step kind`,
					'Choose one of the listed kinds; use Nodes (JSON) for branches and time windows.',
				);
		}
		const annotation = (step.annotation ?? '').trim();
		if (annotation) node.annotation = annotation;
		return node;
	});
}

/** One condition on the properties of an event that starts a journey. */
export interface EventConditionRow {
	key?: string;
	operator?: string;
	value?: string;
}

/**
 * The API takes event conditions as a list of groups and accepts exactly one group, whose
 * conditions must all match.
 */
export function buildEventAttributes(
	rows: EventConditionRow[],
): Array<Array<Record<string, string>>> {
	if (rows.length === 0) return [];
	const group = rows.map((row, index) => {
		const key = (row.key ?? '').trim();
		if (!key) {
			throw new ParameterError(
				'Event Conditions',
				`row ${index + 1} has no property name`,
				'Enter the event property to compare, such as "amount".',
			);
		}
		const operator = row.operator ?? 'equal';
		const condition: Record<string, string> = { key, operator };
		if (operator !== 'exists' && operator !== 'not_exists') condition.value = row.value ?? '';
		return condition;
	});
	return [group];
}
