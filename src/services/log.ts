// The extension's one log channel. The Azure SDK's logger is piped into it; key operations add audit lines.
import * as vscode from 'vscode';
import type { AzureLogLevel } from '../azure/createApi';
import { formatAuditLine, type AuditEntry } from './audit';

/** The SDK's level that yields exactly the lines the channel shows at its level (see azureLog). */
const azureLevelFor: Record<vscode.LogLevel, AzureLogLevel> = {
  [vscode.LogLevel.Off]: 'error',
  [vscode.LogLevel.Error]: 'error',
  [vscode.LogLevel.Warning]: 'warning',
  [vscode.LogLevel.Info]: 'warning',
  [vscode.LogLevel.Debug]: 'info',
  [vscode.LogLevel.Trace]: 'verbose',
};

export class Log implements vscode.Disposable {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** Fires when the user changes the channel's level (Output view → gear, or Developer: Set Log Level). */
  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.channel.onDidChangeLogLevel;
  }

  /** How much the Azure SDK should log: no more than the channel shows, since every SDK line costs CPU per request. */
  azureLogLevel(): AzureLogLevel {
    return azureLevelFor[this.channel.logLevel];
  }

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
