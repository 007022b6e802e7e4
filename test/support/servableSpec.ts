import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { specPath } from './paths';

/**
 * OneSignal's spec as Prism must serve it to judge correct requests. Two defects of the official
 * spec make Prism refuse every request that OneSignal (and OneSignal's own SDKs) accept, so the
 * contract tests serve a corrected copy, written to the temp folder and never into the repository:
 *
 * 1. export_subscriptions is written as the path `/players/csv_export?app_id={app_id}` with
 *    `app_id` declared `in: path`. The SDKs expand that template into a real query string, which
 *    is what the node sends; Prism routes by the path alone and cannot find a path parameter in a
 *    query, so it answers 404 or "missing app_id" to every request. The copy declares the path
 *    `/players/csv_export` with `app_id` as a required query parameter.
 * 2. get_notification_history's body requires `id`, a property its schema does not declare and
 *    that no SDK sends (the message ID is in the path). The copy drops that `required`.
 *
 * Each fix checks that the text it replaces is there, so a spec update that fixes or moves a
 * defect fails here loudly instead of being patched blindly.
 */
const FIXES: Array<{ why: string; from: RegExp; to: string }> = [
	{
		why: 'export_subscriptions path with a query string inside',
		from: /^( {2})\/players\/csv_export\?app_id=\{app_id\}:$/m,
		to: '$1/players/csv_export:',
	},
	{
		why: 'export_subscriptions app_id declared as a path parameter',
		from: /( +)- description: The app ID that you want to export devices from\n( +)explode: false\n\2in: path\n\2name: app_id\n\2required: true\n\2schema:\n(\2 +example: YOUR_APP_ID\n\2 +type: string\n)\2style: simple\n/,
		to: '$1- description: The app ID that you want to export devices from\n$2explode: true\n$2in: query\n$2name: app_id\n$2required: true\n$2schema:\n$3$2style: form\n',
	},
	{
		why: 'get_notification_history body requiring the undeclared property id',
		from: /\n( +)required:\n\1- id\n(\1title: get_notification_history_request_body)/g,
		to: '\n$2',
	},
];

export function servableSpecPath(): string {
	const original = readFileSync(specPath(), 'utf8');
	let text = original;
	for (const fix of FIXES) {
		if (!fix.from.test(text)) {
			throw new Error(
				`The spec at ${specPath()} no longer has the defect "${fix.why}": review test/support/servableSpec.ts`,
			);
		}
		fix.from.lastIndex = 0;
		text = text.replace(fix.from, fix.to);
	}
	const hash = createHash('sha1').update(text).digest('hex').slice(0, 12);
	const target = join(tmpdir(), `onesignal-spec-servable-${hash}.yaml`);
	if (!existsSync(target)) writeFileSync(target, text);
	return target;
}
