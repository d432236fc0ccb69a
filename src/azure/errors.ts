// Errors the azure layer throws: one class with a kind the UI can act on and a message a user
// understands. Raw ARM bodies and stacks stay out of the message.
import * as l10n from '@vscode/l10n';

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
    super(l10n.t('Stopped waiting. Azure may still finish the operation.'));
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
  return text || l10n.t('Azure did not say why.');
}

function fromStatus(status: number, code: string | undefined, message: string): AzureError {
  if (status === 401) return new AzureError('notSignedIn', l10n.t('Your sign-in to Azure is no longer valid. Sign in again. ({0})', message), code, status);
  if (status === 403) return new AzureError('forbidden', l10n.t('You do not have permission for this. {0}', message), code, status);
  if (status === 404) return new AzureError('notFound', l10n.t('Not found in Azure; it may have been deleted. {0}', message), code, status);
  if (status === 409) return new AzureError('conflict', l10n.t('Another operation is in progress on this resource. Try again when it finishes. {0}', message), code, status);
  if (status === 429) return new AzureError('throttled', l10n.t('Azure is throttling requests: the extension retried and then gave up. Wait a minute and try again.'), code, status);
  if (status === 400 && isNoSharedKeyCode(code, message)) return new AzureError('noSharedKey', l10n.t('This connection has no shared key (ExpressRoute or certificate authentication).'), code, status);
  if (status === 400) return new AzureError('badRequest', l10n.t('Azure refused the request: {0}', message), code, status);
  if (status >= 500) return new AzureError('unavailable', l10n.t('Azure is not responding properly (HTTP {0}), even after retries. {1}', status, message), code, status);
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
    return new AzureError('notSignedIn', l10n.t('Not signed in to Azure: {0}', readable(e.message)), e.code);
  }
  const failed = failedOperationPattern.exec(e.message ?? '');
  if (failed) {
    const code = failed[1] || undefined;
    const why = readable(failed[2]);
    const message = code ? l10n.t('Azure could not complete the operation: {0} ({1})', why, code) : l10n.t('Azure could not complete the operation: {0}', why);
    return new AzureError('operationFailed', message, code);
  }
  if (typeof e.statusCode === 'number') {
    return fromStatus(e.statusCode, e.code, readable(e.message));
  }
  if (e.code && /ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|socket hang up/i.test(`${e.code} ${e.message}`)) {
    return new AzureError('unavailable', l10n.t('Could not reach Azure ({0}), even after retries.', e.code), e.code);
  }
  return new AzureError('unknown', readable(e.message), e.code);
}
