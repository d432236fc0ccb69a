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
