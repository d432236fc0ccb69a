// Progress for Azure calls. Long operations get a cancellable notification that says what is
// happening now; cancel means "stop waiting": the abort signal reaches the azure layer, which throws
// StoppedWaitingError while Azure carries on.
import * as vscode from 'vscode';
import type { OperationOptions, OperationPhase } from '../azure/model';
import type { UserInput } from './userInput';

export type PhaseMessages = Record<OperationPhase, string>;

export function withOperationProgress<T>(
  input: UserInput,
  title: string,
  messages: PhaseMessages,
  run: (options: OperationOptions) => Promise<T>,
): Promise<T> {
  return input.showProgress(title, (report, stopWaiting) => {
    report(messages.starting);
    return run({ abortSignal: stopWaiting, onProgress: (phase) => report(messages[phase]) });
  });
}

/** A short read from Azure, shown in the status bar. */
export async function withReadProgress<T>(title: string, run: () => Thenable<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, run);
}
