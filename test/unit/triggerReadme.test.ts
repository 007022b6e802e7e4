import { readFileSync } from 'fs';
import { join } from 'path';

import {
	EVENT_STREAM_BODY_TEMPLATE,
	JOURNEY_BODY_TEMPLATE,
} from '../../nodes/OneSignalTrigger/helpers/templates';
import { OneSignalTrigger } from '../../nodes/OneSignalTrigger/OneSignalTrigger.node';
import { repoRoot } from '../support/paths';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README: Trigger section', () => {
	it('shows the same body templates as the node, character for character', () => {
		expect(readme).toContain(EVENT_STREAM_BODY_TEMPLATE);
		expect(readme).toContain(JOURNEY_BODY_TEMPLATE);
	});

	it('shows both templates in the node’s setup notices, on one line, ready to paste', () => {
		// n8n's notice drops <pre> and line breaks, so the node shows the JSON compacted.
		const notices = new OneSignalTrigger().description.properties;
		for (const [name, template] of [
			['eventStreamSetup', EVENT_STREAM_BODY_TEMPLATE],
			['journeySetup', JOURNEY_BODY_TEMPLATE],
		]) {
			const notice = notices.find((property) => property.name === name);
			expect(notice?.displayName).toContain(JSON.stringify(JSON.parse(template)));
		}
	});

	it('documents the credential and the polling trigger', () => {
		expect(readme).toContain('**OneSignal Webhook Secret API**');
		expect(readme).toContain('### Polling');
	});
});
