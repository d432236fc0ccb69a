// The extension's one log channel. The Azure SDK's logger is piped into it; key operations add audit lines.
import * as vscode from 'vscode';
import { formatAuditLine, type AuditEntry } from './audit';

export type AzureLogLevel = 'error' | 'warning' | 'info' | 'verbose';

export class Log implements vscode.Disposable {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** For the azure layer. The SDK's info lines are request/response dumps: they go to Debug, so the default level shows our own lines. */
  readonly azureLog = (level: AzureLogLevel, message: string): void => {
    if (level === 'error') {
      this.channel.error(message);
    } else if (level === 'warning') {
      this.channel.warn(message);
    } else if (level === 'info') {
      this.channel.debug(message);
    } else {
      this.channel.trace(message);
    }
  };

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  audit(entry: AuditEntry): void {
    this.channel.info(formatAuditLine(entry, new Date()));
  }

  dispose(): void {
    this.channel.dispose();
  }
}
