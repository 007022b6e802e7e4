/**
 * Date helpers without a date library (community nodes may not ship dependencies).
 */

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	const wallClock = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * Reads a date-time picked in the n8n editor. The picker gives wall-clock time without an offset
 * ("2026-12-24T09:00:00"), meant in the workflow's time zone; values with an offset or `Z` are
 * taken as they are. Returns an ISO string in UTC, or the input unchanged when it is not a date.
 */
export function editorDateToIso(value: unknown, timeZone: string): string {
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (text === '' || HAS_OFFSET.test(text)) return text;
	const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(text);
	if (!match) return text;
	const [, year, month, day, hour, minute, second] = match.map(Number);
	const wallClock = Date.UTC(year, month - 1, day, hour, minute, second || 0);
	let instant = wallClock - zoneOffsetMs(wallClock, timeZone);
	// Across a daylight-saving change the offset at the guess can differ from the offset at the
	// result; one correction settles it.
	instant = wallClock - zoneOffsetMs(instant, timeZone);
	return new Date(instant).toISOString();
}
