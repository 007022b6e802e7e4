/**
 * The requests OneSignal's official Node SDK (5.18, a dev dependency) builds for the two
 * operations newer than the published spec. The SDK is the only machine-readable description of
 * them, so the contract tests compare our requests with what it would send. Nothing is sent: the
 * SDK is given an HTTP library that keeps the request and stops the call.
 */
import * as OneSignal from '@onesignal/node-onesignal';

export interface BuiltRequest {
	method: string;
	path: string;
	body: unknown;
}

/** Thrown by the stand-in HTTP library once it has the request: the call goes no further. */
class RequestBuilt extends Error {
	constructor(readonly request: OneSignal.RequestContext) {
		super('request built, not sent');
	}
}

/** Runs one SDK call with an HTTP library that keeps the request instead of sending it. */
async function built(
	call: (client: OneSignal.DefaultApi) => Promise<unknown>,
): Promise<BuiltRequest> {
	const client = new OneSignal.DefaultApi(
		OneSignal.createConfiguration({
			restApiKey: 'not-a-key',
			baseServer: new OneSignal.ServerConfiguration('http://127.0.0.1:9', {}),
			httpApi: OneSignal.wrapHttpLibrary({
				send: async (request) => {
					throw new RequestBuilt(request);
				},
			}),
		}),
	);
	try {
		await call(client);
	} catch (error) {
		if (!(error instanceof RequestBuilt)) throw error;
		const body = error.request.getBody();
		return {
			method: error.request.getHttpMethod(),
			path: new URL(error.request.getUrl()).pathname,
			body: typeof body === 'string' && body !== '' ? JSON.parse(body) : undefined,
		};
	}
	throw new Error('The SDK call ended without building a request');
}

/** What the SDK sends for Get Email Reputation (our Email → Get Delivery Metrics). */
export function sdkEmailReputation(appId: string): Promise<BuiltRequest> {
	return built((client) => client.getEmailReputation(appId));
}

/**
 * What the SDK sends for Estimate Notification Recipients, given our body: its serializer keeps
 * only the fields its model declares, under their declared names, so any field of ours that it
 * does not know is missing from the result.
 */
export function sdkEstimateRecipients(body: unknown): Promise<BuiltRequest> {
	return built((client) =>
		client.estimateNotificationRecipients(body as OneSignal.EstimateNotificationRecipientsRequest),
	);
}

/** Our request in the same terms, from the contract harness's record of it. */
export function ourRequest(sent: { method?: string; url: string; body?: unknown }): BuiltRequest {
	return {
		method: String(sent.method ?? 'GET').toUpperCase(),
		path: new URL(sent.url).pathname,
		body: sent.body,
	};
}
