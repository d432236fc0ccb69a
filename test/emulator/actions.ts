// Read-only long-running actions (IKE SAs, BGP peer status, learned and advertised routes): 202 with
// Location and Azure-AsyncOperation, the result computed when the operation ends, as the network
// resource provider reports what the gateway says at that time. They hold no resource.
import type { ArmRequest } from './arm';
import type { Backend } from './backend';
import type { Reply } from './http';
import { Operations, retryAfterSeconds, type OperationKind } from './operations';

export interface Action {
  kind: OperationKind;
  subscriptionId: string;
  location: string;
  /** The body of the final answer, from the state when the operation ends. */
  result(endTime: number): unknown;
}

export function startAction(req: ArmRequest, b: Backend, action: Action): Reply {
  const fault = b.faults.takeOperationFault(req.method, req.path);
  const result: { status: number; body?: unknown } = { status: 200 };
  const op = b.operations.start(
    {
      kind: action.kind,
      subscriptionId: action.subscriptionId,
      location: action.location,
      durationMs: b.config.lroMs,
      outcome: fault?.lroOutcome,
      error: { code: fault?.errorCode ?? 'InternalServerError', message: fault?.message ?? 'An error occurred while reading the state of the gateway.' },
      onSucceeded: (endTime) => {
        result.body = action.result(endTime);
      },
      onFailed: () => undefined,
      result,
    },
    req.now,
  );
  const query = `?api-version=${encodeURIComponent(req.apiVersion)}`;
  return {
    status: 202,
    headers: {
      Location: `${b.baseUrl}${Operations.resultPath(op)}${query}`,
      'Azure-AsyncOperation': `${b.baseUrl}${Operations.statusPath(op)}${query}`,
      'Retry-After': String(retryAfterSeconds(op, req.now)),
    },
  };
}
