// Long-running operations as the network resource provider runs them: an operation-status
// resource (Azure-AsyncOperation) and an operation-result URL (Location). An operation settles
// lazily: every request first applies the operations whose time has come, in the order they end,
// so the state a request sees is a function of time and no timer races a request.
import { randomUUID } from 'crypto';
import { ArmError } from './armErrors';
import type { LroOutcome } from './types';

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

export interface CloudErrorBody {
  code: string;
  message: string;
}

export type OperationKind =
  | 'createOrUpdate'
  | 'updateTags'
  | 'delete'
  | 'setSharedKey'
  | 'resetSharedKey'
  | 'resetConnection'
  | 'getIkeSas'
  | 'getBgpPeerStatus'
  | 'getLearnedRoutes'
  | 'getAdvertisedRoutes';

export interface OperationSpec {
  kind: OperationKind;
  subscriptionId: string;
  location: string;
  durationMs: number;
  /** Undefined: succeeds. */
  outcome?: LroOutcome;
  error?: CloudErrorBody;
  onSucceeded(endTime: number): void;
  onFailed(): void;
  /** What the Location URL answers once the operation succeeded. */
  result: { status: number; body?: unknown };
}

export interface Operation {
  readonly id: string;
  readonly spec: OperationSpec;
  readonly startedAt: number;
  /** Infinity while stuck. */
  readonly endsAt: number;
  status: OperationStatus;
}

/** Retry-After for a running operation: whole seconds left; 0 ("poll at your own pace") when operations last under a second. */
export function retryAfterSeconds(operation: Operation, now: number): number {
  if (operation.spec.durationMs < 1000) return 0;
  const left = Number.isFinite(operation.endsAt) ? operation.endsAt - now : operation.spec.durationMs;
  return Math.max(1, Math.ceil(left / 1000));
}

export class Operations {
  private readonly all = new Map<string, Operation>();
  private readonly running = new Set<Operation>();
  /** Told after each operation settles, with the world as that operation left it (Resource Graph's history). */
  onSettled?: (operation: Operation) => void;

  start(spec: OperationSpec, now: number): Operation {
    const endsAt = spec.outcome === 'Stuck' ? Infinity : now + spec.durationMs;
    const operation: Operation = { id: randomUUID(), spec, startedAt: now, endsAt, status: 'InProgress' };
    this.all.set(operation.id, operation);
    this.running.add(operation);
    return operation;
  }

  /** Applies every operation that has ended by `now`, earliest first. */
  settle(now: number): void {
    const due = [...this.running].filter((op) => op.endsAt <= now).sort((a, b) => a.endsAt - b.endsAt);
    for (const op of due) {
      this.running.delete(op);
      if (op.spec.outcome === 'Failed') {
        op.status = 'Failed';
        op.spec.onFailed();
      } else {
        op.status = 'Succeeded';
        op.spec.onSucceeded(op.endsAt);
      }
      this.onSettled?.(op);
    }
  }

  clear(): void {
    this.all.clear();
    this.running.clear();
  }

  find(subscriptionId: string, id: string): Operation {
    const op = this.all.get(id.toLowerCase());
    if (!op || op.spec.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) {
      throw new ArmError(404, 'OperationNotFound', `The operation '${id}' could not be found.`);
    }
    return op;
  }

  static statusPath(op: Operation): string {
    return `/subscriptions/${op.spec.subscriptionId}/providers/Microsoft.Network/locations/${op.spec.location}/operations/${op.id}`;
  }

  static resultPath(op: Operation): string {
    return `/subscriptions/${op.spec.subscriptionId}/providers/Microsoft.Network/locations/${op.spec.location}/operationResults/${op.id}`;
  }

  /** The operation-status resource (GET on the Azure-AsyncOperation URL). */
  static statusBody(op: Operation): Record<string, unknown> {
    return {
      id: Operations.statusPath(op),
      name: op.id,
      status: op.status,
      startTime: new Date(op.startedAt).toISOString(),
      ...(op.status !== 'InProgress' ? { endTime: new Date(op.endsAt).toISOString() } : {}),
      ...(op.status === 'Failed' ? { error: op.spec.error } : {}),
    };
  }
}
