/**
 * Workload 1 (c) of the benchmark (`npm run bench`): what a developer would write without n8n.
 * N personalised pushes with OneSignal's official Node SDK and its retrying create call
 * (`createNotificationWithRetry`: retries 429/503 and dropped connections with the same generated
 * idempotency key, honouring Retry-After), at most `--pool` requests in flight. Prints one JSON
 * line with its own start and stop times (first send to last answer), so start-up does not count.
 *
 *   ONESIGNAL_REST_API_KEY=… node scripts/bench-sdk.ts --url http://127.0.0.1:PORT --app APP_ID --n 2000
 */
import * as OneSignal from '@onesignal/node-onesignal';

function option(name: string, fallback?: string): string {
	const index = process.argv.indexOf(`--${name}`);
	const value = index === -1 ? fallback : process.argv[index + 1];
	if (value === undefined) throw new Error(`--${name} is required`);
	return value;
}

async function main() {
	const url = option('url');
	const appId = option('app');
	const count = Number(option('n', '2000'));
	const pool = Number(option('pool', '10'));
	const configuration = OneSignal.createConfiguration({
		restApiKey: process.env.ONESIGNAL_REST_API_KEY ?? '',
		baseServer: new OneSignal.ServerConfiguration(url, {}),
	});
	const client = new OneSignal.DefaultApi(configuration);

	let next = 0;
	let sent = 0;
	let replayed = 0;
	const failures: string[] = [];
	const worker = async () => {
		while (next < count) {
			const index = next++;
			const orderId = `order-${index}`;
			const notification = new OneSignal.Notification();
			notification.app_id = appId;
			notification.target_channel = 'push';
			notification.include_aliases = { external_id: [`bench-user-${index}`] };
			notification.headings = { en: `Order ${orderId}` };
			notification.contents = { en: `Hi Person ${index}, your order ${orderId} has shipped.` };
			try {
				const result = await client.createNotificationWithRetry(notification);
				if (OneSignal.isMessageSent(result.response)) sent++;
				else failures.push(`item ${index}: nothing sent`);
				if (result.wasReplayed) replayed++;
			} catch (error) {
				failures.push(`item ${index}: ${(error as Error).message.split('\n')[0]}`);
			}
		}
	};

	const startedAt = Date.now();
	await Promise.all(Array.from({ length: pool }, worker));
	const stoppedAt = Date.now();
	console.log(
		JSON.stringify({
			startedAt,
			stoppedAt,
			sent,
			replayed,
			failed: failures.length,
			failures: failures.slice(0, 5),
		}),
	);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
