import { existsSync, readdirSync, readFileSync } from 'fs';

/**
 * Samples the memory of a process found by its command line, and of every process it started
 * (n8n's task runner), from /proc while it runs. Linux only: elsewhere it reports nothing.
 */

export interface MemoryPeak {
	/** Largest sum of resident memory over the process and its descendants seen at one sample. */
	treeRssBytes: number;
	/** The kernel's own high-water mark of the main process's resident memory (VmHWM). */
	mainHwmBytes: number;
	samples: number;
	pid?: number;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

function childrenOf(pid: number): number[] {
	const children: number[] = [];
	let tasks: string[] = [];
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return children;
	}
	for (const task of tasks) {
		try {
			const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			if (text) children.push(...text.split(/\s+/).map(Number));
		} catch {
			// The task ended between the listing and the read.
		}
	}
	return children;
}

function findProcess(matches: (commandLine: string[]) => boolean): number | undefined {
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
			if (matches(commandLine)) return Number(entry);
		} catch {
			// Gone already.
		}
	}
	return undefined;
}

export class MemorySampler {
	private timer?: NodeJS.Timeout;
	private peak: MemoryPeak = { treeRssBytes: 0, mainHwmBytes: 0, samples: 0 };

	constructor(
		private readonly matches: (commandLine: string[]) => boolean,
		private readonly intervalMs = 50,
	) {}

	start(): this {
		if (!existsSync('/proc/self/status')) return this;
		this.timer = setInterval(() => this.sample(), this.intervalMs);
		return this;
	}

	private sample(): void {
		this.peak.pid ??= findProcess(this.matches);
		const root = this.peak.pid;
		if (root === undefined) return;
		const tree = [root];
		for (let index = 0; index < tree.length; index++) tree.push(...childrenOf(tree[index]));
		const rss = tree.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
		this.peak.treeRssBytes = Math.max(this.peak.treeRssBytes, rss);
		this.peak.mainHwmBytes = Math.max(this.peak.mainHwmBytes, statusField(root, 'VmHWM'));
		this.peak.samples++;
	}

	stop(): MemoryPeak {
		if (this.timer) clearInterval(this.timer);
		return { ...this.peak };
	}
}
