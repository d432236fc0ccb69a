// Stopping a process with everything it started (code-server forks an extension host, a pty host
// and file watchers), so a test run never leaves processes behind, even when it fails.
import * as fs from 'fs';

/** The pids of every live descendant of `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The second field (comm) may contain spaces and parentheses: parse after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we were reading.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** A zombie counts as gone: where PID 1 does not reap orphans, they stay forever but hold nothing. */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Kills a process and all its descendants, right now. */
export function killTreeNow(pid: number): void {
  for (const member of [pid, ...descendants(pid)]) signal(member, 'SIGKILL');
}

/** Asks the tree to end (SIGTERM), then kills what is still there after `graceMs`. */
export async function stopTree(pid: number, graceMs = 5000): Promise<void> {
  const tree = [pid, ...descendants(pid)];
  for (const member of tree) signal(member, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (tree.some(alive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  killTreeNow(pid);
  for (const member of tree) signal(member, 'SIGKILL');
}

const running = new Set<number>();

/** Remembers a process tree to kill if this Node process exits before stopping it. */
export function killOnExit(pid: number): () => void {
  running.add(pid);
  return () => running.delete(pid);
}

process.on('exit', () => {
  for (const pid of running) killTreeNow(pid);
});

/** Rejects with `message` when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (no result after ${Math.round(ms / 1000)} s)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
