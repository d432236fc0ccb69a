// Errors in Azure Resource Manager's shape: {"error":{"code","message"}}, codes and message wording
// as ARM and the network resource provider use them.

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ArmError';
  }

  body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** The code ARM uses for a bare status, when nothing more specific applies. */
export function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'BadRequest',
    401: 'AuthenticationFailed',
    403: 'AuthorizationFailed',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    408: 'RequestTimeout',
    409: 'Conflict',
    412: 'PreconditionFailed',
    413: 'RequestEntityTooLarge',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
  };
  return codes[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}

export function missingApiVersion(): ArmError {
  return new ArmError(
    400,
    'MissingApiVersionParameter',
    "The api-version query parameter (?api-version=) is required for all requests.",
  );
}

export function subscriptionNotFound(subscriptionId: string): ArmError {
  return new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

export function resourceGroupNotFound(group: string): ArmError {
  return new ArmError(404, 'ResourceGroupNotFound', `Resource group '${group}' could not be found.`);
}

export function resourceNotFound(type: string, name: string, group: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource 'Microsoft.Network/${type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function unknownRoute(path: string): ArmError {
  const match = /\/providers\/([^/]+)\/([^/]+)/i.exec(path);
  if (match) {
    return new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${match[2]}' could not be found in the namespace '${match[1]}' for this api version.`,
    );
  }
  return new ArmError(404, 'NotFound', `The requested path '${path}' does not exist.`);
}

export function methodNotAllowed(method: string, allowed: string[]): ArmError {
  return new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`, {
    Allow: allowed.join(', '),
  });
}

/** The body could not be read as the JSON the operation expects (ARM names the property path). */
export function invalidRequestContent(detail: string): ArmError {
  return new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);
}

/** Names the JSON type found, never the value: it may be (part of) a key. */
export function wrongType(path: string, value: unknown, expected: string): ArmError {
  const found = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return invalidRequestContent(`Error converting a ${found} value to type '${expected}'. Path '${path}'`);
}

export function missingProperty(path: string): ArmError {
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  const name = path.slice(path.lastIndexOf('.') + 1);
  return invalidRequestContent(`Required property '${name}' not found in JSON. Path '${parent}'`);
}

export function bodyTooLarge(limit: number): ArmError {
  return new ArmError(413, 'RequestEntityTooLarge', `The request content size exceeds the maximum allowed size of ${limit} bytes.`, {
    Connection: 'close',
  });
}
