// The local Azure Resource Manager emulator: one HTTPS server on 127.0.0.1 serving ARM, the Entra
// token endpoint and the /_emulator/ control API. See README.md in this folder.
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import { Backend } from './backend';
import { loadServerCertificate } from './certificate';
import { defaultState } from './defaultData';
import { Devices } from './devices';
import { fleetState } from './fleet';
import { requestHandler, type Logger } from './handler';
import type { EmulatorInfo, EmulatorOptions, RuntimeConfig, StateFile } from './types';
import { World } from './world';

export { ensureCertificate } from './certificate';
export type * from './types';

export interface RunningEmulator {
  info: EmulatorInfo;
  url: string;
  close(): Promise<void>;
}

/** Longer than clients keep idle sockets, so a client never reuses a socket the server is closing (ECONNRESET). */
const KEEP_ALIVE_MS = 30_000;

/** Deliberately not public Azure's audience, so a token meant for Azure is refused here and vice versa. */
export const EMULATOR_AUDIENCE = 'https://management.emulator.local/';

/** Azure Resource Graph's documented example quota: 15 queries per 5 seconds per principal. */
const DEFAULT_GRAPH_QUOTA = { queriesPerWindow: 15, windowMs: 5000 };

export function readStateFile(file: string): StateFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the state file ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as StateFile;
  } catch (e) {
    throw new Error(`The state file ${file} is not JSON: ${(e as Error).message}`);
  }
}

function initialState(options: EmulatorOptions): StateFile {
  const state = options.stateFile ? readStateFile(options.stateFile) : options.fleet ? fleetState(options.fleet) : defaultState();
  new World(state); // fails early, with the place, on a malformed state
  new Devices(state);
  return state;
}

function initialConfig(options: EmulatorOptions): RuntimeConfig {
  return {
    latencyMs: options.latencyMs ?? 0,
    lroMs: options.lroMs ?? 2000,
    updatingMs: options.updatingMs ?? 1500,
    connectDelayMs: options.connectDelayMs ?? 3000,
    pageSize: options.pageSize ?? 50,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    throttle: options.throttle ?? null,
    graphLagMs: options.graphLagMs ?? 0,
    graphQuota: options.graphQuota ?? DEFAULT_GRAPH_QUOTA,
  };
}

function stderrLogger(quiet: boolean): Logger {
  return {
    request: (method, path, status, ms) => {
      if (!quiet) process.stderr.write(`${method} ${path} → ${status || 'dropped'} (${ms} ms)\n`);
    },
    unexpected: (error) => process.stderr.write(`emulator: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`),
  };
}

function listen(server: https.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = initialState(options);
  const certificate = await loadServerCertificate();
  const server = https.createServer({ key: certificate.key, cert: certificate.cert });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  const port = await listen(server, options.port ?? 0);
  const url = `https://127.0.0.1:${port}`;
  const backend = new Backend(state, initialConfig(options), url, EMULATOR_AUDIENCE);
  server.on('request', requestHandler(backend, stderrLogger(options.quiet ?? false)));
  const { main, reader } = backend.identity.principals;
  const info: EmulatorInfo = {
    resourceManagerEndpoint: url,
    resourceManagerAudience: EMULATOR_AUDIENCE,
    authorityHost: url,
    tenantId: backend.world.tenants[0].tenantId,
    clientId: main.clientId,
    clientSecret: main.clientSecret,
    readerClientId: reader.clientId,
    readerClientSecret: reader.clientSecret,
    caFile: certificate.caFile,
  };
  return {
    info,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
