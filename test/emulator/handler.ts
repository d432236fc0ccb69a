// One request, start to end: the control API, the Entra token endpoint, or an ARM call (latency →
// injected fault → body → bearer check → throttling → api-version → route → handler → the
// version's shape). Every error becomes an ARM-shaped answer; an unexpected exception becomes a
// 500 and the server goes on.
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { ArmError, missingApiVersion } from './armErrors';
import type { Backend } from './backend';
import { cloudMetadata, isCloudMetadataPath } from './cloudMetadata';
import { control } from './controlApi';
import { faultError } from './faults';
import { connectionNumber, decodeSegments, delay, errorReply, parseJson, readBody, send, type Reply } from './http';
import { isResourceGraphPath } from './resourceGraph/graphRoute';
import { route } from './routes';
import { shapeForApiVersion } from './versionShapes';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface Logger {
  request(method: string, path: string, status: number, ms: number): void;
  unexpected(error: unknown): void;
}

const INTERNAL_ERROR = new ArmError(500, 'InternalServerError', 'The server encountered an internal error. Please retry the request.');

/** Runs the handler; an exception it did not turn into an answer becomes ARM's 500, and is logged. */
export function withErrorBoundary(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, logger: Logger): RequestListener {
  return (req, res) => {
    handler(req, res).catch((error: unknown) => {
      logger.unexpected(error);
      if (res.headersSent) res.destroy();
      else send(res, errorReply(INTERNAL_ERROR), { 'x-ms-request-id': randomUUID() });
    });
  };
}

function isIdentityPath(segments: string[]): boolean {
  const [, second, third] = segments;
  return (second === 'v2.0' && third === '.well-known') || second === 'oauth2' || second === 'discovery';
}

function tokenService(b: Backend, req: IncomingMessage, segments: string[], body: Buffer, now: number): Reply {
  const [tenant, ...rest] = segments;
  const path = rest.join('/');
  if (req.method === 'GET' && path === 'v2.0/.well-known/openid-configuration') return b.identity.openIdConfiguration(tenant);
  if (req.method === 'GET' && path === 'discovery/v2.0/keys') return { status: 200, body: { keys: [] } };
  if (req.method === 'POST' && path === 'oauth2/v2.0/token') {
    return b.identity.tokenRequest(tenant, new URLSearchParams(body.toString('utf8')), b.config.tokenTtlSeconds, now);
  }
  return { status: 404, body: { error: 'invalid_request', error_description: `AADSTS900561: The endpoint only accepts documented requests, not ${req.method} /${segments.join('/')}.` } };
}

/** Runs `produce`; an ArmError it throws becomes its ARM-shaped answer. */
async function armShaped(produce: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await produce();
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    return errorReply(error);
  }
}

async function arm(b: Backend, req: IncomingMessage, method: string, rawPath: string, segments: string[], query: URLSearchParams): Promise<Reply> {
  const throttleHeaders: Record<string, string> = {};
  const reply = await armShaped(async () => {
    const body = await readBody(req);
    const now = Date.now();
    const caller = b.identity.authenticate(req.headers.authorization, now);
    // Resource Graph has its own quota (graphQuota), not ARM's read/write budgets.
    if (b.config.throttle && !isResourceGraphPath(segments)) {
      const decision = b.throttle.check(b.config.throttle, caller.principal.clientId, method, segments[1], now);
      Object.assign(throttleHeaders, decision.headers);
      if (decision.error) throw decision.error;
    }
    const apiVersion = query.get('api-version');
    if (!apiVersion) throw missingApiVersion();
    const path = '/' + segments.join('/');
    const { handler, params } = route(method, segments, path, apiVersion, b.world);
    const parsed = ['PUT', 'PATCH', 'POST'].includes(method) ? parseJson(body) : undefined;
    b.operations.settle(now);
    return b.graph.watch(b, now, () => shapeForApiVersion(handler({ method, rawPath, path, params, query, body: parsed, caller, now, apiVersion }, b), path, apiVersion));
  });
  return { ...reply, headers: { ...throttleHeaders, ...reply.headers } };
}

export function requestHandler(b: Backend, logger: Logger): RequestListener {
  return withErrorBoundary(async (req, res) => {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const ids = {
      'x-ms-request-id': randomUUID(),
      'x-ms-correlation-request-id': String(req.headers['x-ms-correlation-request-id'] ?? randomUUID()),
    };
    let segments: string[];
    try {
      segments = decodeSegments(url.pathname);
    } catch (error) {
      return send(res, errorReply(error as ArmError), ids);
    }
    if (segments[0] === '_emulator') {
      const reply = await armShaped(async () => {
        const body = await readBody(req);
        return control(b, method, segments.slice(1), method === 'GET' ? undefined : parseJson(body), Date.now());
      });
      return send(res, reply, ids);
    }
    const path = '/' + segments.join('/');
    const connection = connectionNumber(req.socket);
    res.on('close', () => {
      const status = res.headersSent ? res.statusCode : 0;
      b.log({ time: new Date(started).toISOString(), method, path, status, durationMs: Date.now() - started, connection });
      logger.request(method, path, status, Date.now() - started);
    });
    const forIdentity = isIdentityPath(segments);
    if (!forIdentity) await delay(b.config.latencyMs);
    const fault = b.faults.takeRequestFault(method, path);
    if (fault?.dropConnection) {
      req.socket.destroy();
      return;
    }
    if (fault) return send(res, errorReply(faultError(fault)), ids);
    const reply = forIdentity
      ? await armShaped(async () => tokenService(b, req, segments, await readBody(req), Date.now()))
      : isCloudMetadataPath(segments)
        ? await armShaped(() => cloudMetadata(b, method, url.searchParams))
        : await arm(b, req, method, url.pathname, segments, url.searchParams);
    send(res, reply, ids);
  }, logger);
}
