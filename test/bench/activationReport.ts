// What the activation probe tells the bench from inside the extension host, on one console line
// that starts with this marker. No imports: the probe loads it in the extension host.
export const activationMarker = '[azvpn-bench-activation] ';

export interface ActivationReport {
  /** Already active when the probe ran: the measurement would not be a real activation. */
  activeBeforeProbe: boolean;
  /** Azure SDK files loaded before activation, after it, and once the view showed its tree. */
  azureBeforeActivation: string[];
  azureAfterActivation: string[];
  azureAfterView: string[];
  /** Loading dist/extension.js and running activate(), as `Extension.activate()` does it. */
  activationMs: number;
  /** From opening the view until the tree had loaded the Azure SDK. */
  viewLoadsSdkMs: number;
}
