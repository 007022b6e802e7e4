import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { csvFileName, gunzipIfNeeded } from '../helpers/exportFile';
import {
	type FailureExplanation,
	type FailureExplanationInput,
	oneSignalWaitForFile,
} from '../transport';
import { ItemsWithBinary, type OperationResult } from './types';

/**
 * OneSignal runs one export at a time per account and refuses another with a 400 whose text says
 * so. Nothing in the request is wrong then, so the generic "check the fields" hint would mislead.
 */
export function explainExportRefusal({
	status,
	messages,
}: FailureExplanationInput): FailureExplanation | undefined {
	if (status !== 400 || !messages.some((line) => /in progress/i.test(line))) return undefined;
	return {
		message: messages[0],
		description:
			'OneSignal runs one export at a time per account. Wait until the earlier export is ready (with Wait for File, its node gets the file), then run this one again.',
	};
}

/**
 * The "Wait for File" switch and its options, shared by every operation that makes OneSignal
 * write a CSV file (subscriptions, message events, message history).
 */
export const exportFileFields: INodeProperties[] = [
	{
		displayName: 'Wait for File',
		name: 'waitForFile',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until OneSignal has written the file and output it as binary data (the CSV, already decompressed) together with its address. Off: output only the address, right away. OneSignal runs one export at a time per account.',
	},
	{
		displayName: 'File Options',
		name: 'fileOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { waitForFile: [true] } },
		options: [
			{
				displayName: 'Max Wait (Minutes)',
				name: 'maxWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1, maxValue: 60, numberPrecision: 1 },
				default: 10,
				description:
					'How long to keep checking for the file before giving up. Small exports are ready within a minute, large ones can take several.',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'The name of the binary field the CSV file is written to',
			},
		],
	},
];

export interface ExportAnswer {
	/** The file address OneSignal returned. */
	url: unknown;
	/** What the operation outputs as JSON; the address is part of it. */
	json: IDataObject;
	/** File name when the address has none, e.g. "subscriptions.csv". */
	fallbackName: string;
	operation: string;
}

/**
 * Turns an export's answer into the operation's output: the JSON alone, or, with "Wait for File",
 * the JSON plus the decompressed CSV as binary data once the file exists.
 */
export async function exportOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	answer: ExportAnswer,
): Promise<OperationResult> {
	if (!(this.getNodeParameter('waitForFile', itemIndex, false) as boolean)) return answer.json;
	const url = typeof answer.url === 'string' ? answer.url.trim() : '';
	if (!url) {
		throw new NodeOperationError(this.getNode(), 'OneSignal did not return a file address', {
			itemIndex,
			description: `The answer had no file URL to download: ${JSON.stringify(answer.json)}`,
		});
	}
	const options = this.getNodeParameter('fileOptions', itemIndex, {}) as IDataObject;
	const minutes = typeof options.maxWaitMinutes === 'number' ? options.maxWaitMinutes : 10;
	const field = String(options.binaryPropertyName ?? '').trim() || 'data';

	const file = await oneSignalWaitForFile.call(this, {
		url,
		maxWaitMs: Math.round(minutes * 60_000),
		operation: answer.operation,
		itemIndex,
	});
	let csv: Buffer;
	try {
		csv = await gunzipIfNeeded(file.body);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), 'The export file could not be decompressed', {
			itemIndex,
			description: `It started like gzip data but is damaged (${(error as Error).message}). Download it again from ${url}.`,
		});
	}
	const fileName = csvFileName(url, answer.fallbackName);
	const binary = await this.helpers.prepareBinaryData(csv, fileName, 'text/csv');
	return new ItemsWithBinary([
		{
			json: { ...answer.json, fileName, fileSize: csv.length },
			binary: { [field]: binary },
		},
	]);
}
