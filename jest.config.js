// Four kinds of tests, selectable with --selectProjects: pure unit tests, contract tests that send
// each operation's request to Prism serving OneSignal's official spec, package tests of what
// `npm pack` ships (contents, n8n's strict lint, n8n's package scanner), and end-to-end tests that
// run workflows in real n8n against the project's OneSignal stand-in.
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
};

const project = (name, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform,
	testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
	...extra,
});

module.exports = {
	projects: [
		project('unit'),
		project('contract', { setupFilesAfterEnv: ['<rootDir>/test/support/slowTests.ts'] }),
		project('package', { setupFilesAfterEnv: ['<rootDir>/test/support/slowTests.ts'] }),
		project('e2e', { setupFilesAfterEnv: ['<rootDir>/test/support/slowTests.ts'] }),
	],
};
