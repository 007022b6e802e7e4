/**
 * Runs the OneSignal stand-in as its own process, for the demo and for clicking through the node
 * in a local n8n. Prints one JSON line with its URL and the demo keys, then serves until stopped.
 *
 *   tsx test/standin/cli.ts [--port 4010] [--latency 50] [--rate 100]
 */
import { startStandIn } from './index';

function flag(name: string): number | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : Number(process.argv[index + 1]);
}

async function main() {
	const rate = flag('rate');
	const standIn = await startStandIn({
		port: flag('port') ?? 0,
		latencyMs: flag('latency') ?? 0,
		rateLimit: rate ? { perSecond: rate, burst: Math.max(1, Math.round(rate / 10)) } : undefined,
	});
	process.stdout.write(`${JSON.stringify({ url: standIn.url, ...standIn.seeded })}\n`);
	const stop = () => void standIn.close().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

void main();
