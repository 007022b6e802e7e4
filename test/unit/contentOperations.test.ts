import { gzipSync } from 'zlib';

import type { IDataObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import {
	appCredentials,
	APP_ID,
	APP_KEY,
	createContext,
	ORG_KEY,
	type FullResponse,
	type HttpCall,
} from '../support/context';

type Responder = (request: IHttpRequestOptions, call: HttpCall) => FullResponse | Error;

/** A context whose HTTP answers come from a list of responders, one per request. */
function scripted(
	parameters: INodeParameters,
	responders: Responder[],
	extra: { signal?: AbortSignal; organization?: boolean; executionId?: string } = {},
) {
	const queue = [...responders];
	return createContext({
		parameters,
		executionId: extra.executionId,
		signal: extra.signal,
		credentials: {
			...appCredentials(),
			...(extra.organization
				? { oneSignalOrganizationApi: { apiKey: ORG_KEY, organizationId: 'org-1' } }
				: {}),
		},
		http: async (request, call) => {
			const next = queue.shift();
			if (!next) throw new Error(`no scripted answer left for ${request.method} ${request.url}`);
			const answer = next(request, call);
			if (answer instanceof Error) throw answer;
			return answer;
		},
	});
}

const json =
	(body: unknown, statusCode = 200): Responder =>
	() => ({ statusCode, headers: {}, body });
const bytes =
	(body: Buffer, statusCode = 200): Responder =>
	() => ({ statusCode, headers: {}, body });

async function failure(promise: Promise<unknown>): Promise<Error & { description?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the run to fail');
}

const FILE_URL = 'https://exports.example-storage.com/exports/5e1c_subs.csv.gz?X-Signature=abc';
const CSV = 'id,identifier,external_user_id\ns-1,token-1,user-ada\ns-2,token-2,user-grace\n';

describe('exports', () => {
	const exportParameters = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'export',
		operation: 'subscriptions',
		...extra,
	});

	it('returns only the file address when not waiting for the file', async () => {
		const test = scripted(exportParameters(), [json({ csv_file_url: FILE_URL })]);
		const [[item]] = await test.run();
		expect(item.json).toEqual({ csv_file_url: FILE_URL });
		expect(item.binary).toBeUndefined();
		expect(test.calls).toHaveLength(1);
		expect(test.calls[0].options.url).toMatch(/\/players\/csv_export$/);
		expect(test.calls[0].options.qs).toEqual({ app_id: APP_ID });
	});

	it.each([
		['subscriptions', exportParameters()],
		[
			'message events',
			{
				resource: 'message',
				operation: 'exportEvents',
				messageId: '7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c',
			},
		],
	])(
		'says that another export is running when OneSignal refuses a %s export for it',
		async (_, parameters) => {
			const busy =
				'Another export is still in progress for this account. Please wait until it is complete before starting a new one.';
			const test = scripted(parameters as INodeParameters, [json({ errors: [busy] }, 400)]);
			const error = await failure(test.run());
			expect(error.message).toBe(busy);
			expect(error.description).toContain('one export at a time per account');
			expect(error.description).not.toContain('Check the fields');
			expect(test.calls).toHaveLength(1);
		},
	);

	it('waits while the file answers 404, then outputs the decompressed CSV with its address', async () => {
		const test = scripted(exportParameters({ waitForFile: true }), [
			json({ csv_file_url: FILE_URL }),
			json({ errors: ['Not Found'] }, 404),
			bytes(gzipSync(Buffer.from(CSV))),
		]);
		const [[item]] = await test.run();
		expect(item.json).toEqual({
			csv_file_url: FILE_URL,
			fileName: '5e1c_subs.csv',
			fileSize: Buffer.byteLength(CSV),
		});
		const binary = item.binary!.data;
		expect(Buffer.from(binary.data, 'base64').toString('utf8')).toBe(CSV);
		expect(binary.mimeType).toBe('text/csv');
		expect(binary.fileName).toBe('5e1c_subs.csv');
	});

	it('never sends a credential or Authorization header to the file’s host', async () => {
		const test = scripted(exportParameters({ waitForFile: true }), [
			json({ csv_file_url: FILE_URL }),
			bytes(gzipSync(Buffer.from(CSV))),
		]);
		await test.run();
		const [api, file] = test.calls;
		expect(api.credentialType).toBe('oneSignalAppApi');
		expect((api.sent.headers as Record<string, string>).Authorization).toBe(`Key ${APP_KEY}`);
		expect(file.credentialType).toBe('');
		expect(file.sent.url).toBe(FILE_URL);
		expect(JSON.stringify(file.sent.headers ?? {})).not.toMatch(/authorization/i);
		expect(JSON.stringify(file.sent)).not.toContain(APP_KEY);
	});

	it('puts the file into the binary field the user named', async () => {
		const test = scripted(
			exportParameters({ waitForFile: true, fileOptions: { binaryPropertyName: 'csv' } }),
			[json({ csv_file_url: FILE_URL }), bytes(Buffer.from(CSV))],
		);
		const [[item]] = await test.run();
		expect(Object.keys(item.binary!)).toEqual(['csv']);
		expect(Buffer.from(item.binary!.csv.data, 'base64').toString('utf8')).toBe(CSV);
	});

	it('keeps looking after a dropped connection or a 503 from the file host', async () => {
		const test = scripted(exportParameters({ waitForFile: true }), [
			json({ csv_file_url: FILE_URL }),
			() => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
			json({ errors: ['busy'] }, 503),
			bytes(gzipSync(Buffer.from(CSV))),
		]);
		const [[item]] = await test.run();
		expect(item.binary).toBeDefined();
		expect(test.calls).toHaveLength(4);
	});

	it('gives up after Max Wait with the address and how to continue', async () => {
		const notYet = json({ errors: ['Not Found'] }, 404);
		const test = scripted(
			exportParameters({ waitForFile: true, fileOptions: { maxWaitMinutes: 0.01 } }),
			[json({ csv_file_url: FILE_URL }), notYet, notYet, notYet, notYet],
		);
		const error = await failure(test.run());
		expect(error.message).toBe('The export file was not ready after 1 second');
		expect(error.description).toContain('the last answer was HTTP 404');
		expect(error.description).toContain(FILE_URL);
		expect(error.description).toContain('Max Wait (Minutes)');
	});

	it('fails at once when the file host answers neither "not yet" nor the file', async () => {
		const test = scripted(exportParameters({ waitForFile: true }), [
			json({ csv_file_url: FILE_URL }),
			json({ errors: ['Gone'] }, 410),
		]);
		const error = await failure(test.run());
		expect(error.message).toBe('The export file could not be downloaded (HTTP 410)');
		expect(test.calls).toHaveLength(2);
	});

	it('stops waiting when the execution is cancelled, without looking again', async () => {
		const controller = new AbortController();
		const test = scripted(
			exportParameters({ waitForFile: true }),
			[
				json({ csv_file_url: FILE_URL }),
				(request) => {
					setTimeout(() => controller.abort(), 20);
					return { statusCode: 404, headers: {}, body: request.url };
				},
				bytes(Buffer.from(CSV)),
			],
			{ signal: controller.signal },
		);
		const error = await failure(test.run());
		expect(error.message).toBe('The execution was cancelled');
		expect(test.calls).toHaveLength(2);
	});

	it('refuses a file address that is not http(s), before any download', async () => {
		const test = scripted(exportParameters({ waitForFile: true }), [
			json({ csv_file_url: 'file:///etc/passwd' }),
		]);
		const error = await failure(test.run());
		expect(error.message).toContain('cannot be downloaded');
		expect(test.calls).toHaveLength(1);
	});

	it('sends the message events export without a body and downloads it the same way', async () => {
		const test = scripted(
			{
				resource: 'message',
				operation: 'exportEvents',
				messageId: '7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c',
				waitForFile: true,
			},
			[
				json({ csv_file_url: 'https://x.example.com/e/abc.csv.gz' }),
				bytes(gzipSync(Buffer.from(CSV))),
			],
		);
		const [[item]] = await test.run();
		expect(test.calls[0].options.body).toBeUndefined();
		expect(test.calls[0].options.qs).toEqual({ app_id: APP_ID });
		expect(item.json.fileName).toBe('abc.csv');
	});
});

describe('segments', () => {
	const segment = { __rl: true, mode: 'list', value: 'd5d4d1a8-1c9e-42fb-b3f2-56d3a5a9a8b7' };

	it('keeps the current name when only the description changes (OneSignal requires a name)', async () => {
		const test = scripted(
			{ resource: 'segment', operation: 'update', segment, updateFields: { description: 'Q3' } },
			[
				json({ subscriber_count: 3, payload: { id: segment.value, name: 'VIP' } }),
				json({ success: true, id: segment.value }),
			],
		);
		const [[item]] = await test.run();
		expect(test.calls[0].options.method).toBe('GET');
		expect(test.calls[1].options.body).toEqual({ description: 'Q3', name: 'VIP' });
		expect(item.json).toEqual({ success: true, id: segment.value, name: 'VIP' });
	});

	it('refuses a segment without conditions before sending anything', async () => {
		const test = scripted({ resource: 'segment', operation: 'create', name: 'Empty' }, []);
		const error = await failure(test.run());
		expect(error.message).toBe('Filters: the segment has no condition');
		expect(test.calls).toHaveLength(0);
	});

	it('describes the created segment’s filters in the output', async () => {
		const test = scripted(
			{
				resource: 'segment',
				operation: 'create',
				name: 'Pro',
				filters: { conditions: [{ field: 'tag', key: 'plan', relation: '=', value: 'pro' }] },
			},
			[json({ success: true, id: 'seg-1' }, 201)],
		);
		const [[item]] = await test.run();
		expect(item.json).toEqual({
			success: true,
			id: 'seg-1',
			name: 'Pro',
			filterExpression: 'tag:plan = "pro"',
		});
	});

	it('says where to find the ID when a name is given instead', async () => {
		const test = scripted(
			{ resource: 'segment', operation: 'get', segment: { __rl: true, mode: 'id', value: 'VIP' } },
			[],
		);
		const error = await failure(test.run());
		expect(error.message).toBe('Segment: "VIP" is not an ID');
		expect(error.description).toContain('Audience → Segments');
	});

	it('flattens the segment and its subscriber count into one item', async () => {
		const test = scripted({ resource: 'segment', operation: 'get', segment }, [
			json({ subscriber_count: 12, payload: { id: segment.value, name: 'VIP', filters: [] } }),
		]);
		const [[item]] = await test.run();
		expect(item.json).toEqual({
			id: segment.value,
			name: 'VIP',
			filters: [],
			subscriber_count: 12,
		});
	});
});

describe('templates', () => {
	const template = { __rl: true, mode: 'id', value: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f' };
	const copy = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'template',
		operation: 'copyToApp',
		template,
		targetAppId: '9b2d4f6a-8c1e-4a3b-9d5f-7e1a3c5b7d90',
		...extra,
	});

	it('copies with the organization key, from the app credential’s app', async () => {
		const test = scripted(copy(), [json({ id: 'copy-1' })], { organization: true });
		await test.run();
		const call = test.calls[0];
		expect(call.credentialType).toBe('oneSignalOrganizationApi');
		expect((call.sent.headers as Record<string, string>).Authorization).toBe(`Key ${ORG_KEY}`);
		expect(call.options.qs).toEqual({ app_id: APP_ID });
	});

	it('asks for the Organization API credential by name when it is missing', async () => {
		const test = scripted(copy(), []);
		const error = await failure(test.run());
		expect(error.message).toBe('This operation needs the OneSignal Organization API credential');
		expect(test.calls).toHaveLength(0);
	});

	it('checks the target App ID before sending', async () => {
		const test = scripted(copy({ targetAppId: 'My Other App' }), [], { organization: true });
		const error = await failure(test.run());
		expect(error.message).toBe('Target App ID: "My Other App" is not an App ID');
		expect(error.description).toContain('Keys & IDs');
	});

	it('creates email templates from subject and body, with their flag', async () => {
		const test = scripted(
			{
				resource: 'template',
				operation: 'create',
				name: 'Receipt',
				channel: 'email',
				emailSubject: 'Thanks',
				emailBody: '<p>Thanks</p>',
				additionalFields: { emailBcc: 'a@example.com' },
			},
			[json({ id: 't-1' })],
		);
		await test.run();
		expect(test.calls[0].options.body).toEqual({
			app_id: APP_ID,
			name: 'Receipt',
			isEmail: true,
			email_subject: 'Thanks',
			email_body: '<p>Thanks</p>',
			email_bcc: ['a@example.com'],
		});
	});

	it('refuses more than 5 BCC addresses and unknown fields in Other Fields', async () => {
		const base: INodeParameters = {
			resource: 'template',
			operation: 'create',
			name: 'T',
			message: 'Hi',
		};
		const bcc = await failure(
			scripted(
				{ ...base, additionalFields: { emailBcc: 'a@x.co,b@x.co,c@x.co,d@x.co,e@x.co,f@x.co' } },
				[],
			).run(),
		);
		expect(bcc.message).toBe('Email BCC: 6 addresses, at most 5 are allowed');
		const other = await failure(
			scripted({ ...base, additionalFields: { otherFields: '{"ios_sond": "a.wav"}' } }, []).run(),
		);
		expect(other.message).toContain('"ios_sond" is not a field');
	});
});

describe('live activities', () => {
	const start: INodeParameters = {
		resource: 'liveActivity',
		operation: 'start',
		activityType: 'OrderAttributes',
		activityId: 'order-1',
		name: 'Order 1',
		heading: 'Order',
		message: 'Preparing',
		sendTo: 'externalIds',
		externalIds: 'user-ada',
		contentState: { values: [{ key: 'eta', value: '12' }] },
	};

	it('gives a start a stable idempotency key, so a retried run cannot start it twice', async () => {
		const first = scripted(start, [json({ notification_id: 'n-1' }, 201)], { executionId: 'e-9' });
		const again = scripted(start, [json({ notification_id: 'n-1' }, 201)], { executionId: 'e-9' });
		const [[item]] = await first.run();
		await again.run();
		const key = (first.calls[0].options.body as IDataObject).idempotency_key;
		expect(key).toMatch(/^[0-9a-f-]{36}$/);
		expect((again.calls[0].options.body as IDataObject).idempotency_key).toBe(key);
		expect(item.json).toMatchObject({
			notification_id: 'n-1',
			activityId: 'order-1',
			idempotencyKey: key,
		});
		expect((first.calls[0].options.body as IDataObject).event_updates).toEqual({ eta: 12 });
	});

	it('refuses an alert heading without a message on update', async () => {
		const test = scripted(
			{
				resource: 'liveActivity',
				operation: 'update',
				activityId: 'order-1',
				name: 'Order 1',
				additionalFields: { heading: 'Late' },
			},
			[],
		);
		const error = await failure(test.run());
		expect(error.message).toBe('Heading: set without a Message');
	});

	it('sends no update for an Activity ID of only dots', async () => {
		const test = scripted(
			{ resource: 'liveActivity', operation: 'update', activityId: '..', name: 'Order 1' },
			[],
		);
		const error = await failure(test.run());
		expect(error.message).toMatch(/^Activity ID: "\.\." cannot be used/);
		expect(test.calls).toHaveLength(0);
	});

	it('ends with the end event and the dismissal date in Unix seconds', async () => {
		const test = scripted(
			{
				resource: 'liveActivity',
				operation: 'end',
				activityId: 'order 1/2',
				name: 'Done',
				additionalFields: { dismissalDate: '2030-01-01T00:00:00Z' },
			},
			[json({ id: 'n-2' })],
		);
		const [[item]] = await test.run();
		expect(test.calls[0].options.url).toMatch(/\/live_activities\/order%201%2F2\/notifications$/);
		expect(test.calls[0].options.body).toMatchObject({ event: 'end', dismissal_date: 1893456000 });
		expect(item.json).toEqual({ id: 'n-2', activityId: 'order 1/2', event: 'end' });
	});
});

describe('messages', () => {
	it('reads a Unix time in Start From as the ISO time the cursor needs', async () => {
		const test = scripted(
			{
				resource: 'message',
				operation: 'getAll',
				order: 'fromTime',
				startFrom: '1735689600',
				limit: 5,
			},
			[json({ notifications: [], next_time_offset: 'x' })],
		);
		expect(await test.run()).toEqual([[]]);
		expect(test.calls[0].options.qs).toEqual({
			app_id: APP_ID,
			limit: 5,
			time_offset: '2025-01-01T00:00:00.000Z',
		});
	});

	it('refuses Estimate Recipients without a segment, before sending', async () => {
		const test = scripted(
			{ resource: 'message', operation: 'estimateRecipients', audience: 'segments', segments: [] },
			[],
		);
		const error = await failure(test.run());
		expect(error.message).toBe('Segment Names or IDs: no segment chosen');
	});
});

describe('journeys', () => {
	it('refuses Steps and Nodes (JSON) together', async () => {
		const test = scripted(
			{
				resource: 'journey',
				operation: 'create',
				name: 'J',
				includedSegmentIds: ['d5d4d1a8-1c9e-42fb-b3f2-56d3a5a9a8b7'],
				steps: { step: [{ kind: 'wait', waitMinutes: 5 }] },
				additionalFields: { nodesJson: '[{"kind": "wait", "duration_seconds": 60}]' },
			},
			[],
		);
		const error = await failure(test.run());
		expect(error.message).toBe('Steps and Nodes (JSON) are both set');
	});

	it('patches one node with typed fields and refuses the same field in Other Fields', async () => {
		const base: INodeParameters = {
			resource: 'journey',
			operation: 'updateNode',
			journey: { __rl: true, mode: 'id', value: '2f4e6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b' },
			nodeId: '3f0c2a9e-5b7d-4e61-9a8f-2c4d6e8f0a1b',
		};
		const ok = scripted({ ...base, updateFields: { waitMinutes: 2, tags: 'vip=1' } }, [
			json({ id: 'j' }),
		]);
		await ok.run();
		expect(ok.calls[0].options.body).toEqual({ duration_seconds: 120, assignments: { vip: '1' } });
		const clash = scripted(
			{ ...base, updateFields: { annotation: 'A', otherFields: '{"annotation": "B"}' } },
			[],
		);
		expect((await failure(clash.run())).message).toBe(
			'Other Fields (JSON): "annotation" is also set above',
		);
	});
});
