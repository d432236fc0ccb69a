// Errors the azure layer throws: one class with a kind the UI can act on and a message a user
// understands. Raw ARM bodies and stacks stay out of the message.

export type AzureErrorKind =
  | 'notSignedIn' // no credential, or it cannot get a token
  | 'forbidden' // 403: the principal lacks the right (e.g. to read a shared key)
  | 'noSharedKey' // the connection type has no pre-shared key (ExpressRoute, certificate auth)
  | 'throttled' // 429 after the SDK's retries
  | 'notFound' // 404: deleted meanwhile
  | 'conflict' // 409 AnotherOperationInProgress and similar
  | 'badRequest' // 400: Azure refused the input
  | 'operationFailed' // a long-running operation ended Failed
  | 'unavailable' // 5xx or the network after retries
  | 'unknown';

export class AzureError extends Error {
  constructor(
    readonly kind: AzureErrorKind,
    message: string,
    readonly code?: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'AzureError';
  }
}

/** The user stopped waiting. Azure may still finish the operation; never shown as a failure. */
export class StoppedWaitingError extends Error {
  constructor() {
    super('Stopped waiting. Azure may still finish the operation.');
    this.name = 'StoppedWaitingError';
  }
}

interface RestLikeError {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
}

const failedOperationPattern = /^The long-running operation has failed\. ([^.]*)\. ([\s\S]*)$/;

function isAbort(error: RestLikeError): boolean {
  return error.name === 'AbortError' || (error.name !== 'RestError' && /aborted/i.test(error.message ?? ''));
}

function isSignInFailure(error: RestLikeError): boolean {
  return (
    error.name === 'CredentialUnavailableError' ||
    error.name === 'AuthenticationError' ||
    error.name === 'AuthenticationRequiredError' ||
    error.name === 'NotSignedInError'
  );
}

/** The first sentence of an Azure message, without trace ids, so the user sees the reason only. */
function readable(message: string | undefined): string {
  const text = (message ?? '').split(/\r?\n/)[0].replace(/\s*Trace ID:.*$/i, '').trim();
  return text || 'Azure did not say why.';
}

function fromStatus(status: number, code: string | undefined, message: string): AzureError {
  if (status === 401) return new AzureError('notSignedIn', `Your sign-in to Azure is no longer valid. Sign in again. (${message})`, code, status);
  if (status === 403) return new AzureError('forbidden', `You do not have permission for this. ${message}`, code, status);
  if (status === 404) return new AzureError('notFound', `Not found in Azure; it may have been deleted. ${message}`, code, status);
  if (status === 409) return new AzureError('conflict', `Another operation is in progress on this resource. Try again when it finishes. ${message}`, code, status);
  if (status === 429) return new AzureError('throttled', 'Azure is throttling requests: the extension retried and then gave up. Wait a minute and try again.', code, status);
  if (status === 400 && isNoSharedKeyCode(code, message)) return new AzureError('noSharedKey', `This connection has no shared key (ExpressRoute or certificate authentication).`, code, status);
  if (status === 400) return new AzureError('badRequest', `Azure refused the request: ${message}`, code, status);
  if (status >= 500) return new AzureError('unavailable', `Azure is not responding properly (HTTP ${status}), even after retries. ${message}`, code, status);
  return new AzureError('unknown', message, code, status);
}

/** ExpressRoute and certificate-authenticated connections have no key; Azure answers 400 for them. */
function isNoSharedKeyCode(code: string | undefined, message: string): boolean {
  return /SharedKeyFor(ExpressRoute|Certificate)/i.test(code ?? '') || /no shared key|not use a shared key|shared key is not available/i.test(message);
}

/** Turns whatever the SDK threw into an AzureError (or StoppedWaitingError); never includes request bodies. */
export function toAzureError(error: unknown): Error {
  if (error instanceof AzureError || error instanceof StoppedWaitingError) return error;
  const e = (error ?? {}) as RestLikeError;
  if (isAbort(e)) return new StoppedWaitingError();
  if (isSignInFailure(e)) {
    return new AzureError('notSignedIn', `Not signed in to Azure: ${readable(e.message)}`, e.code);
  }
  const failed = failedOperationPattern.exec(e.message ?? '');
  if (failed) {
    const code = failed[1] || undefined;
    return new AzureError('operationFailed', `Azure could not complete the operation: ${readable(failed[2])}${code ? ` (${code})` : ''}`, code);
  }
  if (typeof e.statusCode === 'number') {
    return fromStatus(e.statusCode, e.code, readable(e.message));
  }
  if (e.code && /ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|socket hang up/i.test(`${e.code} ${e.message}`)) {
    return new AzureError('unavailable', `Could not reach Azure (${e.code}), even after retries.`, e.code);
  }
  return new AzureError('unknown', readable(e.message), e.code);
}
