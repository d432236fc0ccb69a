// GET /metadata/endpoints?api-version=…: the emulator described as a cloud, unauthenticated, as
// Resource Manager answers it, so clients can register it as a custom cloud. 2015-01-01 is the
// form msrestazure (and so `az cloud register --endpoint-resource-manager`) reads; 2019-05-01 is a
// list of clouds (az's ARM_CLOUD_METADATA_URL); 2022-09-01 is the one cloud, without the list.
import { invalidApiVersion } from './apiVersions';
import { methodNotAllowed, missingApiVersion } from './armErrors';
import type { Backend } from './backend';
import type { Reply } from './http';

const VERSIONS = ['2015-01-01', '2019-05-01', '2022-09-01'];

/** The emulator serves no Graph: an audience of its own, like its management audience, that nothing accepts. */
const GRAPH_AUDIENCE = 'https://graph.emulator.local/';

export const CLOUD_NAME = 'AzureVpnEmulator';

export function isCloudMetadataPath(segments: string[]): boolean {
  return segments.length === 2 && segments[0].toLowerCase() === 'metadata' && segments[1].toLowerCase() === 'endpoints';
}

function legacyForm(b: Backend) {
  return {
    graphEndpoint: GRAPH_AUDIENCE,
    authentication: { loginEndpoint: `${b.identity.authorityHost}/`, audiences: [b.identity.audience] },
  };
}

function cloudForm(b: Backend) {
  return {
    name: CLOUD_NAME,
    resourceManager: `${b.baseUrl}/`,
    authentication: { loginEndpoint: b.identity.authorityHost, audiences: [b.identity.audience], tenant: 'common', identityProvider: 'AAD' },
    graph: GRAPH_AUDIENCE,
    graphAudience: GRAPH_AUDIENCE,
    microsoftGraphResourceId: GRAPH_AUDIENCE,
    suffixes: {},
  };
}

export function cloudMetadata(b: Backend, method: string, query: URLSearchParams): Reply {
  if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
  const version = query.get('api-version');
  if (!version) throw missingApiVersion();
  if (!VERSIONS.includes(version)) {
    throw invalidApiVersion(version, VERSIONS);
  }
  if (version === '2015-01-01') return { status: 200, body: legacyForm(b) };
  return { status: 200, body: version === '2019-05-01' ? [cloudForm(b)] : cloudForm(b) };
}
