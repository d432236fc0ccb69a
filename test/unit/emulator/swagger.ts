// The official swagger (test/emulator/specs/, copied verbatim) as JSON Schema for ajv: response
// schemas by operation and status, and which operation each official example belongs to.
// Strict: a definition may not carry properties the swagger does not name, except the known gaps.
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../emulator/certificate';

const STABLE = path.join(repoRoot(), 'test', 'emulator', 'specs', 'network', 'resource-manager', 'Microsoft.Network', 'stable');
const SPEC_DIR = path.join(STABLE, '2025-01-01');
const BASE = 'https://specs.invalid/network/';
const GATEWAY_SPEC = `${BASE}virtualNetworkGateway.json`;

/** Files the gateway swagger refers to that were not copied: permissive stand-ins (README: known gaps). */
const STAND_INS: Record<string, Record<string, object>> = {
  'virtualNetwork.json': { AddressSpace: { type: 'object' } },
  'virtualWan.json': { VpnNatRuleMapping: { type: 'object' }, P2SVpnConnectionRequest: { type: 'object' } },
  'networkWatcher.json': { ErrorResponse: { type: 'object' } },
};

/** Properties real responses carry that this swagger version does not define (README: known gaps). */
const GAPS: Record<string, Record<string, object>> = {
  VirtualNetworkGatewayConnectionPropertiesFormat: { authenticationType: { type: 'string' }, certificateAuthentication: { type: 'object' } },
  VirtualNetworkGatewayConnectionListEntityPropertiesFormat: { authenticationType: { type: 'string' } },
  // ARM's common operation-status fields, beyond the network swagger's status + error.
  AzureAsyncOperationResult: { id: { type: 'string' }, name: { type: 'string' }, startTime: { type: 'string' }, endTime: { type: 'string' } },
};

export type Definitions = Record<string, { properties?: Record<string, object>; allOf?: Array<{ $ref: string }>; unevaluatedProperties?: boolean }>;

interface Operation {
  operationId: string;
  parameters?: Array<{ in?: string; name?: string }>;
  responses: Record<string, { schema?: { $ref?: string; type?: string } }>;
  'x-ms-examples'?: Record<string, { $ref: string }>;
}

function readSpec(file: string): { definitions: Definitions; paths?: Record<string, Record<string, Operation>> } {
  return JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8'));
}

/** Definitions other schemas extend through allOf: a closed one would refuse its extenders' properties. */
function extendedDefinitions(specs: Array<{ definitions: Definitions }>): Set<string> {
  const names = new Set<string>();
  for (const spec of specs) {
    for (const d of Object.values(spec.definitions)) for (const parent of d.allOf ?? []) names.add(parent.$ref.split('/').pop()!);
  }
  return names;
}

/** Strict definitions: no property a definition does not name, except the known gaps (`gaps`). */
export function closeDefinitions(specs: Array<{ definitions: Definitions }>, gaps: Record<string, Record<string, object>> = GAPS): void {
  const extended = extendedDefinitions(specs);
  for (const { definitions } of specs) {
    for (const [name, d] of Object.entries(definitions)) {
      if (gaps[name]) d.properties = { ...d.properties, ...gaps[name] };
      if (d.properties && !extended.has(name)) d.unevaluatedProperties = false;
    }
  }
}

export class Swagger {
  private readonly ajv = new Ajv2019({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly paths: Record<string, Record<string, Operation>>;

  constructor() {
    addFormats(this.ajv);
    for (const format of ['int32', 'int64', 'arm-id']) this.ajv.addFormat(format, true);
    const gateway = readSpec('virtualNetworkGateway.json');
    const network = readSpec('network.json');
    closeDefinitions([gateway, network]);
    this.paths = gateway.paths!;
    this.ajv.addSchema({ $id: GATEWAY_SPEC, definitions: gateway.definitions });
    this.ajv.addSchema({ $id: `${BASE}network.json`, definitions: network.definitions });
    for (const [file, definitions] of Object.entries(STAND_INS)) this.ajv.addSchema({ $id: BASE + file, definitions });
  }

  /** Validation errors of `data` against a definition of the gateway swagger (or a `$ref` relative to it); [] when valid. */
  errors(definitionOrRef: string, data: unknown): string[] {
    const ref = new URL(definitionOrRef.includes('#') ? definitionOrRef : `#/definitions/${definitionOrRef}`, GATEWAY_SPEC).toString();
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** The operation an official example file documents, found through x-ms-examples. */
  operationOf(exampleFile: string): { method: string; pathTemplate: string; operation: Operation } {
    for (const [pathTemplate, operations] of Object.entries(this.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const examples = Object.values(operation['x-ms-examples'] ?? {});
        if (examples.some((e) => path.basename(e.$ref) === exampleFile)) return { method: method.toUpperCase(), pathTemplate, operation };
      }
    }
    throw new Error(`No operation documents the example ${exampleFile}`);
  }
}

/** Every official example copied with the specs: [file name, parsed content]. */
export function officialExamples(): Array<[string, { parameters: Record<string, unknown>; responses: Record<string, { body?: unknown }> }]> {
  return fs
    .readdirSync(STABLE)
    .flatMap((version) => {
      const dir = path.join(STABLE, version, 'examples');
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
    })
    .map((file) => [path.basename(file), JSON.parse(fs.readFileSync(file, 'utf8'))]);
}

/** The subscriptions-list example (its swagger is not in the copied specs). */
export function subscriptionsExample(): { responses: { '200': { body: { value: Array<Record<string, unknown>> } } } } {
  const file = path.join(repoRoot(), 'test', 'emulator', 'specs', 'resources', 'resource-manager', 'Microsoft.Resources', 'stable', '2022-12-01', 'examples', 'GetSubscriptions.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
