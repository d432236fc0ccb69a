// The audit line every key operation leaves in the log channel. The entry has no field for the key
// itself, so no caller can put one in by mistake.
import { AzureError, StoppedWaitingError } from '../azure/errors';

export type KeyOperation =
  | 'viewed shared key'
  | 'read shared key'
  | 'copied shared key'
  | 'set shared key'
  | 'reset shared key'
  | 'created connection with shared key'
  | 'read device configuration script';

export interface AuditEntry {
  /** Who asked: the sign-in method, and the account when VS Code knows it. */
  who: string;
  what: KeyOperation;
  /** The connection's ARM resource id. */
  connectionId: string;
  result: 'succeeded' | 'stopped waiting' | `failed (${string})`;
  keyLength?: number;
}

export function formatAuditLine(entry: AuditEntry, when: Date): string {
  const length = entry.keyLength === undefined ? '' : ` keyLength=${entry.keyLength}`;
  // not user-facing: the audit record, kept in English (an engineer's record, as VS Code's own logs are)
  return `audit: ${when.toISOString()} who="${entry.who}" what="${entry.what}" connection="${entry.connectionId}" result="${entry.result}"${length}`;
}

/** What an audit line is about, before it is known who asked and how it ended. */
export type AuditSubject = Omit<AuditEntry, 'who' | 'result'>;

/** How an operation ended, in an audit line's words: no error is success. */
export function auditResult(error?: unknown): AuditEntry['result'] {
  if (error === undefined) return 'succeeded';
  // not user-facing: a result word of the audit record, kept in English
  if (error instanceof StoppedWaitingError) return 'stopped waiting';
  return `failed (${error instanceof AzureError ? error.kind : 'error'})`;
}
