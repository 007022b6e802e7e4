import type { IDataObject } from 'n8n-workflow';

import { isIpAddress } from './auditLog';
import { ParameterError, parseList } from './validation';

/** Parses an IP allowlist: addresses or CIDR ranges (203.0.113.0/24, 2001:db8::/32). */
export function parseIpAllowlist(value: unknown, parameter = 'IP Allowlist'): string[] {
	const entries = parseList(value, parameter);
	const wrong = entries.filter((entry) => {
		const [address, prefix, extra] = entry.split('/');
		if (extra !== undefined || !isIpAddress(address)) return true;
		if (prefix === undefined) return false;
		const bits = Number(prefix);
		const max = address.includes(':') ? 128 : 32;
		return !/^\d+$/.test(prefix) || bits > max;
	});
	if (wrong.length) {
		throw new ParameterError(
			parameter,
			`${wrong.map((entry) => `"${entry}"`).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not an IP address or range`,
			'Enter IPv4 or IPv6 addresses or CIDR ranges, such as 203.0.113.7 or 203.0.113.0/24, separated by commas.',
		);
	}
	return entries;
}

export interface ApiKeyFields {
	name?: unknown;
	/** 'disabled' or 'explicit'; implied by the list when absent. */
	ipAllowlistMode?: unknown;
	ipAllowlist?: unknown;
}

/**
 * The body of Create API Key and Update API Key. An allowlist turns the "explicit" mode on; asking
 * for the explicit mode without addresses, or for no allowlist while giving addresses, is refused
 * because OneSignal would either lock everyone out or silently drop the addresses.
 */
export function apiKeyBody(fields: ApiKeyFields, mode: 'create' | 'update'): IDataObject {
	const body: IDataObject = {};
	const name = typeof fields.name === 'string' ? fields.name.trim() : '';
	if (name) body.name = name;
	else if (mode === 'create') {
		throw new ParameterError(
			'Name',
			'is empty',
			'Give the key a name that says where it is used, such as "n8n production".',
		);
	}

	const list = parseIpAllowlist(fields.ipAllowlist);
	const askedMode =
		fields.ipAllowlistMode === 'disabled' || fields.ipAllowlistMode === 'explicit'
			? fields.ipAllowlistMode
			: undefined;
	if (askedMode === 'explicit' && list.length === 0) {
		throw new ParameterError(
			'IP Allowlist',
			'is empty while IP Allowlist Mode is "Only Listed Addresses"',
			'Add the addresses allowed to use the key, or set IP Allowlist Mode to "Any Address".',
		);
	}
	if (askedMode === 'disabled' && list.length > 0) {
		throw new ParameterError(
			'IP Allowlist',
			'has addresses while IP Allowlist Mode is "Any Address"',
			'Remove the addresses, or set IP Allowlist Mode to "Only Listed Addresses".',
		);
	}
	const effective = askedMode ?? (list.length > 0 ? 'explicit' : undefined);
	if (effective === 'explicit') {
		body.ip_allowlist_mode = 'explicit';
		body.ip_allowlist = list;
	} else if (effective === 'disabled' || mode === 'create') {
		body.ip_allowlist_mode = 'disabled';
	}

	if (mode === 'update' && Object.keys(body).length === 0) {
		throw new ParameterError(
			'Update Fields',
			'nothing to update',
			'Add at least one field under Update Fields: Name, IP Allowlist Mode or IP Allowlist.',
		);
	}
	return body;
}
