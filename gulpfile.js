// Copies what tsc does not emit next to the compiled files: the SVG icons (n8n resolves `file:`
// icons relative to the built node or credential) and the node's codex file (.node.json), which
// n8n reads for categories, search aliases and documentation links.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyAssets;
