// npm run emulator -- [--port N] [--fleet SxGxWxC] [--state FILE] [--latency MS] [--lro-ms MS]
//   [--updating-ms MS] [--connect-delay-ms MS] [--page-size N] [--token-ttl S] [--quiet]
// Prints the EmulatorInfo JSON as the first line on stdout, logs requests on stderr, and serves
// until SIGINT or SIGTERM.
import { startEmulator } from './server';
import type { EmulatorOptions } from './types';

const NUMBER_FLAGS: Record<string, keyof EmulatorOptions> = {
  '--port': 'port',
  '--latency': 'latencyMs',
  '--lro-ms': 'lroMs',
  '--updating-ms': 'updatingMs',
  '--connect-delay-ms': 'connectDelayMs',
  '--page-size': 'pageSize',
  '--token-ttl': 'tokenTtlSeconds',
};

const USAGE =
  'Usage: npm run emulator -- [--port N] [--fleet SxGxWxC] [--state FILE] [--latency MS] [--lro-ms MS] [--updating-ms MS] [--connect-delay-ms MS] [--page-size N] [--token-ttl S] [--quiet]';

export function parseArguments(args: string[]): EmulatorOptions {
  const options: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--quiet') {
      options.quiet = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
    if (flag === '--fleet') options.fleet = value;
    else if (flag === '--state') options.stateFile = value;
    else if (flag in NUMBER_FLAGS) {
      if (!/^\d+$/.test(value)) throw new Error(`${flag} wants a whole number, not "${value}".`);
      options[NUMBER_FLAGS[flag]] = Number(value);
    } else throw new Error(`Unknown option ${flag}.\n${USAGE}`);
  }
  return options as EmulatorOptions;
}

async function main(): Promise<void> {
  const emulator = await startEmulator(parseArguments(process.argv.slice(2)));
  process.stdout.write(JSON.stringify(emulator.info) + '\n');
  process.stderr.write(`Azure Resource Manager emulator listening on ${emulator.url} (Ctrl+C to stop)\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`emulator: ${error.message}\n`);
    process.exit(1);
  });
}
