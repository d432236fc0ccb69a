// Small HTTP plumbing on Node's own http types: decoding the path, reading a bounded body, sending a
// JSON reply with ARM's standard headers.
import type { IncomingMessage, ServerResponse } from 'http';
import { ArmError, bodyTooLarge, invalidRequestContent } from './armErrors';

/** An answer: status, JSON body (none for 202/204) and extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this the rest of an oversized body is not even drained: the connection is closed. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/** Path segments, percent-decoded one by one (so an encoded '/' stays inside its segment). */
export function decodeSegments(rawPath: string): string[] {
  return rawPath
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new ArmError(400, 'InvalidRequestUri', `The request path contains an invalid percent-encoded segment: '${s}'.`);
      }
    });
}

/**
 * Reads the body, up to 1 MiB. An oversized body is drained (so the client reads the 413 instead of
 * a reset connection) unless it is far too large, then the connection is closed.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    if (declared > MAX_DRAIN_BYTES) {
      reject(bodyTooLarge(MAX_BODY_BYTES));
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(bodyTooLarge(MAX_BODY_BYTES)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    // Only the position: the parser's own message quotes the body, which may hold a key.
    const position = /position (\d+)/.exec((e as Error).message)?.[1] ?? '0';
    throw invalidRequestContent(`Unexpected character encountered while parsing value. Path '', line 1, position ${position}`);
  }
}

const connectionNumbers = new WeakMap<object, number>();
let connectionsSeen = 0;

/** The number of the connection a request came on (1, 2, …, in the order first seen). */
export function connectionNumber(socket: object): number {
  let number = connectionNumbers.get(socket);
  if (number === undefined) {
    number = ++connectionsSeen;
    connectionNumbers.set(socket, number);
  }
  return number;
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const all: Record<string, string> = { 'Cache-Control': 'no-cache', Pragma: 'no-cache', Expires: '-1', ...headers, ...reply.headers };
  let text = '';
  if (reply.body !== undefined) {
    text = JSON.stringify(reply.body);
    all['Content-Type'] = 'application/json; charset=utf-8';
  }
  all['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, all);
  res.end(text);
}

export function errorReply(error: ArmError): Reply {
  return { status: error.status, body: error.body(), headers: error.headers };
}
