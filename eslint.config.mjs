import { config } from '@n8n/node-cli/eslint';

// The starter's configuration, unchanged for everything that ships (nodes/, credentials/,
// package.json). Test and tooling code never ships and runs only on developer and CI machines: it
// has to start servers and processes and throw plain errors from helpers, so the rules that guard a
// node's runtime (no Node built-ins, no timers or `process`, no child processes, errors wrapped for
// the n8n editor) are off there; every other rule still applies.
export default [
	...config,
	{ ignores: ['build/**', 'coverage/**', 'test-artifacts/**', 'gulpfile.js', 'jest.config.js', '.prettierrc.js'] },
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
	// Scripts are command-line programs: printing to the terminal is their job.
	{ files: ['scripts/**/*.ts'], rules: { 'no-console': 'off' } },
];
