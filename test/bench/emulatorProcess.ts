// The emulator in a process of its own, as Azure is on another machine: its CPU work does not share
// the measuring process's event loop. Started with the CLI; the first stdout line is its info.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EmulatorControl } from '../emulator/control';
import type { EmulatorInfo } from '../emulator/types';

export interface EmulatorProcessOptions {
  fleet?: string;
  latencyMs?: number;
  pageSize?: number;
  lroMs?: number;
  updatingMs?: number;
}

export interface EmulatorProcess {
  info: EmulatorInfo;
  control: EmulatorControl;
  /** CPU time the emulator has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const cli = path.join(__dirname, '..', 'emulator', 'cli.js');
const startTimeoutMs = 60_000;

function flags(options: EmulatorProcessOptions): string[] {
  const pairs: Array<[string, string | number | undefined]> = [
    ['--fleet', options.fleet],
    ['--latency', options.latencyMs],
    ['--page-size', options.pageSize],
    ['--lro-ms', options.lroMs],
    ['--updating-ms', options.updatingMs],
  ];
  return [...pairs.filter(([, value]) => value !== undefined).flatMap(([flag, value]) => [flag, String(value)]), '--quiet'];
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(text.slice(0, end));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with code ${code} before it started`));
    });
  });
}

/** user + system time of a process from /proc/<pid>/stat (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function startEmulatorProcess(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [cli, ...flags(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stopOnExit = () => child.kill();
  process.once('exit', stopOnExit);
  let info: EmulatorInfo;
  try {
    info = JSON.parse(await firstLine(child)) as EmulatorInfo;
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    info,
    control: new EmulatorControl(info),
    cpuMs: () => processCpuMs(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', stopOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
