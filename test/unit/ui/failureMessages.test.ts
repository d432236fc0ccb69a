import * as assert from 'assert';
import { AzureError, type AzureErrorKind } from '../../../src/azure/errors';
import { describeFailure, describeStoppedWaiting, failureActionLabel } from '../../../src/ui/failureMessages';

/** The buttons the message offers, as the user reads them. */
function buttons(failure: { actions: Parameters<typeof failureActionLabel>[0][] }): string[] {
  return failure.actions.map(failureActionLabel);
}

describe('failure messages', () => {
  const what = "reset the shared key of 'vpn-1'";

  it('say what could not be done and why, in one sentence pair', () => {
    const failure = describeFailure(what, new AzureError('forbidden', 'You do not have permission for this.'), 'whenSensible');
    assert.strictEqual(failure.message, "Could not reset the shared key of 'vpn-1'. You do not have permission for this.");
    assert.deepStrictEqual(buttons(failure), []);
  });

  const expected: [AzureErrorKind, string[]][] = [
    ['notSignedIn', ['Sign in']],
    ['forbidden', []],
    ['noSharedKey', []],
    ['throttled', ['Retry']],
    ['notFound', ['Refresh']],
    ['conflict', ['Retry when it finishes']],
    ['badRequest', []],
    ['operationFailed', ['Retry']],
    ['unavailable', ['Retry']],
    ['unknown', ['Retry']],
  ];
  for (const [kind, actions] of expected) {
    it(`offer ${actions.length ? actions.join(', ') : 'no action'} for ${kind}`, () => {
      assert.deepStrictEqual(buttons(describeFailure(what, new AzureError(kind, 'Reason.'), 'whenSensible')), actions);
    });
  }

  it('say for throttling what the azure layer found: how long Azure asks to wait', () => {
    const failure = describeFailure(what, new AzureError('throttled', 'Azure is throttling requests and asks to wait 300 seconds. Try again in a few minutes.'), 'whenSensible');
    assert.match(failure.message, /asks to wait 300 seconds/);
  });

  it('offer no retry when there is nothing to retry, and always one for a held key', () => {
    assert.deepStrictEqual(buttons(describeFailure(what, new AzureError('conflict', 'Busy.'), 'none')), []);
    assert.deepStrictEqual(buttons(describeFailure(what, new AzureError('forbidden', 'No.'), 'always')), ['Retry']);
    assert.deepStrictEqual(buttons(describeFailure(what, new AzureError('conflict', 'Busy.'), 'always')), ['Retry when it finishes']);
  });

  it('end the reason with a full stop, and never show a stack', () => {
    const failure = describeFailure(what, new Error('socket closed'), 'none');
    assert.strictEqual(failure.message, "Could not reset the shared key of 'vpn-1'. socket closed.");
  });

  it('say that Azure may still finish when the user stops waiting', () => {
    assert.strictEqual(
      describeStoppedWaiting("resetting the key of 'vpn-1'"),
      "Stopped waiting. Azure may still finish resetting the key of 'vpn-1'; refresh to see where it is.",
    );
  });
});
