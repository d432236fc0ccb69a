// What is known of the other half of each VNet-to-VNet connection, for the tree to name it and for
// commands to rotate both halves. Looked up when a row's tooltip is about to show (so loading the tree
// costs nothing more); commands ask Azure again before they act.
import * as vscode from 'vscode';
import type { Connection } from '../azure/model';
import { findOtherHalf, type OtherHalf } from '../azure/otherHalf';
import type { AzureSession } from './azureSession';
import type { Log } from './log';

export class OtherHalves implements vscode.Disposable {
  private readonly known = new Map<string, OtherHalf>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the connection's resource id. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly azure: AzureSession,
    private readonly log: Log,
  ) {}

  /** Synchronous, for drawing the tree: undefined until looked up. */
  of(connectionId: string): OtherHalf | undefined {
    return this.known.get(connectionId.toLowerCase());
  }

  /** Asks Azure now. */
  async find(connection: Connection): Promise<OtherHalf> {
    const api = await this.azure.getApi();
    const otherHalf = await findOtherHalf(api, connection);
    this.known.set(connection.id.toLowerCase(), otherHalf);
    this.changed.fire(connection.id);
    return otherHalf;
  }

  /** For a tooltip about to show: asks Azure only when nothing is known yet; a failure is logged and names no other half. */
  async lookUp(connection: Connection): Promise<void> {
    if (connection.type !== 'Vnet2Vnet' || this.of(connection.id)) return;
    await this.find(connection).catch((error: unknown) =>
      this.log.warn(`Could not look for the other half of ${connection.id}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
