import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LOOSE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isLooseUuid(value: string): boolean {
	return LOOSE_UUID.test(value);
}

/**
 * Reads an ID from a picker (resource locator) or a plain field and checks that it is a UUID, so
 * a name or an empty expression fails before anything is sent. `whereToFind` tells the user where
 * OneSignal shows the ID.
 */
export function readUuid(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	displayName: string,
	whereToFind: string,
): string {
	const raw = this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) as unknown;
	const value = String(raw ?? '').trim();
	if (!isLooseUuid(value)) {
		throw new NodeOperationError(
			this.getNode(),
			value
				? `${displayName}: "${value}" is not an ID`
				: `${displayName}: no ${displayName.toLowerCase()} chosen`,
			{
				itemIndex,
				description: `Pick one from the list or enter its ID, a UUID such as 1dd608f2-c6a1-11e3-851d-000c2940e62c. ${whereToFind}`,
			},
		);
	}
	return value;
}
