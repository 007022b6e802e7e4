import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AppSettingsInput } from '../../helpers/appSettings';

/**
 * The push settings of an app, shared by Create and Update. Secrets (certificates, keys,
 * passwords) are password fields, so the editor does not show them; map them from a previous
 * node or a file to keep them out of the workflow itself.
 */

const webPushSettings: INodeProperties = {
	displayName: 'Web Push Settings',
	name: 'webPush',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description:
		'Web push for your website. OneSignal needs Site Name and Site Origin together to set it up.',
	options: [
		{
			displayName: 'Default Notification Icon URL',
			name: 'defaultIconUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/icon-256.png',
			description: 'A 256×256 PNG shown with notifications in Chrome, Firefox, Edge and Safari',
		},
		{
			displayName: 'Safari Certificate (P12)',
			name: 'safariCertificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only if you have your own Safari web push certificate: the .p12 file as Base64 text. Leave empty to use the certificate OneSignal provides.',
		},
		{
			displayName: 'Safari Certificate Password',
			name: 'safariCertificatePassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password of the Safari .p12 file',
		},
		{
			displayName: 'Site Name',
			name: 'siteName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Example Shop',
			description: 'The name shown in the permission prompt and in notifications',
		},
		{
			displayName: 'Site Origin',
			name: 'siteOrigin',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com',
			description:
				'The address of your site, scheme and host only. It is sent as both the Chrome and the Safari origin, as OneSignal recommends.',
		},
	],
};

const iosSettings: INodeProperties = {
	displayName: 'iOS Settings (APNs)',
	name: 'ios',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description:
		'Apple push. Use either a .p8 key (Key ID, Team ID, Bundle ID, P8 Key) or a .p12 certificate (P12 Certificate, P12 Password).',
	options: [
		{
			displayName: 'Bundle ID',
			name: 'bundleId',
			type: 'string',
			default: '',
			placeholder: 'e.g. com.example.shop',
			description:
				'Your app’s bundle identifier, as in Apple Developer → Identifiers (.p8 key only)',
		},
		{
			displayName: 'Data at Root of Payload',
			name: 'dataAtRoot',
			type: 'boolean',
			default: false,
			description:
				'Whether the message’s data values go to the root of the APNs payload instead of under "custom". Only for apps that read the payload without the OneSignal SDK.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Sandbox', value: 'sandbox' },
			],
			description: 'Sandbox for development builds, Production for TestFlight and the App Store',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			placeholder: 'e.g. ABC123DEFG',
			description: 'The ID of the .p8 key (Apple Developer → Certificates, IDs & Profiles → Keys)',
		},
		{
			displayName: 'P12 Certificate',
			name: 'p12Certificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The push certificate as a .p12 file, Base64-encoded. To read it from a file, use "Extract from File → Move File to Base64 String" before this node.',
		},
		{
			displayName: 'P12 Password',
			name: 'p12Password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password of the .p12 certificate',
		},
		{
			displayName: 'P8 Key',
			name: 'p8Key',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The text of the .p8 file (starting with -----BEGIN PRIVATE KEY-----), or that text Base64-encoded',
		},
		{
			displayName: 'Team ID',
			name: 'teamId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1A2B3C4D5E',
			description: 'Your Apple developer team ID (Apple Developer → Membership)',
		},
	],
};

const androidSettings: INodeProperties = {
	displayName: 'Android Settings (FCM)',
	name: 'android',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: 'Android push through Firebase Cloud Messaging (HTTP v1)',
	options: [
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 123456789012',
			description: 'The Firebase project number (Firebase → Project settings → Cloud Messaging)',
		},
		{
			displayName: 'Service Account JSON',
			name: 'serviceAccountJson',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The private key file from Firebase → Project settings → Service accounts → Generate new private key: its JSON text, or that text Base64-encoded. It is sent Base64-encoded.',
		},
	],
};

const otherFields: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFields',
	type: 'json',
	default: '{}',
	description:
		'Any other app field of OneSignal’s API, such as {"chrome_web_sub_domain": "example"}. Fields set above cannot be repeated here.',
};

export const settingsCollections = [webPushSettings, iosSettings, androidSettings];

export const otherFieldsOption = otherFields;

/** Reads the settings collections and an Additional/Update Fields collection of one item. */
export function readAppSettings(
	this: IExecuteFunctions,
	itemIndex: number,
	fieldsParameter: 'additionalFields' | 'updateFields',
): AppSettingsInput & { fields: IDataObject } {
	const fields = this.getNodeParameter(fieldsParameter, itemIndex, {}) as IDataObject;
	return {
		fields,
		webPush: this.getNodeParameter('webPush', itemIndex, {}) as IDataObject,
		ios: this.getNodeParameter('ios', itemIndex, {}) as IDataObject,
		android: this.getNodeParameter('android', itemIndex, {}) as IDataObject,
		otherFields: fields.otherFields,
	};
}
