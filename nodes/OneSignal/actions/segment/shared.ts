import type { IExecuteFunctions } from 'n8n-workflow';

import { readUuid } from '../ids';

export const SEGMENT_ID_HINT =
	'OneSignal shows it under Audience → Segments → the segment, in the page address.';

export function readSegmentId(this: IExecuteFunctions, itemIndex: number): string {
	return readUuid.call(this, itemIndex, 'segment', 'Segment', SEGMENT_ID_HINT);
}
