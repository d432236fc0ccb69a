// Faults on demand (POST /_emulator/faults): the next `count` requests that match (after letting
// `skip` of them through) fail the way the fault says — an ARM error status, a dropped connection, or a long-running operation that is
// accepted and then fails or never ends.
import { randomUUID } from 'crypto';
import { ArmError, codeForStatus } from './armErrors';
import type { Fault, FaultSpec } from './types';

interface ActiveFault extends Fault {
  regex: RegExp;
}

function invalid(message: string): ArmError {
  return new ArmError(400, 'InvalidFault', message);
}

function checkSpec(spec: unknown): FaultSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw invalid('A fault is a JSON object.');
  const f = spec as Record<string, unknown>;
  if (typeof f.pathPattern !== 'string') throw invalid('"pathPattern" (a regular expression) is required.');
  try {
    new RegExp(f.pathPattern);
  } catch (e) {
    throw invalid(`"pathPattern" is not a regular expression: ${(e as Error).message}`);
  }
  const kinds = [f.status !== undefined, f.dropConnection === true, f.lroOutcome !== undefined].filter(Boolean).length;
  if (kinds !== 1) throw invalid('A fault needs exactly one of "status", "dropConnection": true or "lroOutcome".');
  if (f.status !== undefined && !(Number.isInteger(f.status) && (f.status as number) >= 400 && (f.status as number) <= 599)) {
    throw invalid('"status" must be an HTTP error status (400-599).');
  }
  if (f.lroOutcome !== undefined && f.lroOutcome !== 'Failed' && f.lroOutcome !== 'Stuck') {
    throw invalid('"lroOutcome" must be "Failed" or "Stuck".');
  }
  if (f.count !== undefined && !(Number.isInteger(f.count) && (f.count as number) >= 1)) throw invalid('"count" must be a whole number ≥ 1.');
  if (f.skip !== undefined && !(Number.isInteger(f.skip) && (f.skip as number) >= 0)) throw invalid('"skip" must be a whole number ≥ 0.');
  if (f.retryAfter !== undefined && !(typeof f.retryAfter === 'number' && f.retryAfter >= 0)) throw invalid('"retryAfter" must be a number of seconds ≥ 0.');
  for (const key of ['method', 'errorCode', 'message'] as const) {
    if (f[key] !== undefined && typeof f[key] !== 'string') throw invalid(`"${key}" must be a string.`);
  }
  return f as unknown as FaultSpec;
}

export class Faults {
  private faults: ActiveFault[] = [];

  add(spec: unknown): Fault {
    const checked = checkSpec(spec);
    const fault: ActiveFault = {
      ...checked,
      id: randomUUID(),
      remaining: checked.count ?? 1,
      skip: checked.skip ?? 0,
      regex: new RegExp(checked.pathPattern, 'i'),
    };
    this.faults.push(fault);
    return this.describe(fault);
  }

  list(): Fault[] {
    return this.faults.map((f) => this.describe(f));
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes the first status or drop fault matching this request, if any. */
  takeRequestFault(method: string, path: string): Fault | undefined {
    return this.take(method, path, (f) => f.lroOutcome === undefined);
  }

  /** Takes the first LRO-outcome fault matching the request that starts an operation, if any. */
  takeOperationFault(method: string, path: string): Fault | undefined {
    return this.take(method, path, (f) => f.lroOutcome !== undefined);
  }

  private take(method: string, path: string, kind: (f: ActiveFault) => boolean): Fault | undefined {
    const fault = this.faults.find(
      (f) => kind(f) && (!f.method || f.method.toUpperCase() === method) && f.regex.test(path),
    );
    if (!fault) return undefined;
    if ((fault.skip ?? 0) > 0) {
      fault.skip = (fault.skip ?? 0) - 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return this.describe(fault);
  }

  private describe(fault: ActiveFault): Fault {
    const described: Fault & { regex?: RegExp } = { ...fault };
    delete described.regex;
    return described;
  }
}

/** The ARM error a status fault answers with. */
export function faultError(fault: Fault): ArmError {
  const status = fault.status ?? 500;
  const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
  const message = fault.message ?? `Injected fault: the emulator answers ${status} for this request.`;
  return new ArmError(status, fault.errorCode ?? codeForStatus(status), message, headers);
}
