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

	it('shows the Event Stream template in the node’s setup notice, ready to paste', () => {
		const notice = new OneSignalTrigger().description.properties.find(
			(property) => property.name === 'eventStreamSetup',
		);
		const html = EVENT_STREAM_BODY_TEMPLATE.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;');
		expect(notice?.displayName).toContain(`<pre>${html}</pre>`);
	});

	it('documents the credential and the polling trigger', () => {
		expect(readme).toContain('**OneSignal Webhook Secret API**');
		expect(readme).toContain('### Polling');
	});
});
