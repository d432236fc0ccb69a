// The faults of the fault matrix (what goes wrong, set up through the emulator or the settings) and
// the end states it checks (what Azure and the tree hold afterwards).
import * as assert from 'assert';
import type { FaultSpec } from '../../emulator/types';
import { deleteInAzure, emulator } from './emulator';
import { sameResourceId } from '../../../src/azure/resourceId';
import { childLabels, eventually, extensionApi, nodeAt, runCommand, updateSetting, userSetting } from './extensionUnderTest';
import { TestUserInput } from './testUserInput';
import { armRequests, gatewayId, gatewayInTree, matching, type Attempt, type Operation } from './userOperations';

export interface Fault {
  name: string;
  /** Sets the fault up once the operation's node is loaded, right before the user starts it. */
  inject(operation: Operation): Promise<void>;
  /** Answers for what the fault makes the extension ask. */
  answers?(input: TestUserInput): TestUserInput;
  /** Puts back what inject changed outside the emulator (the emulator is reset before each test). */
  restore?(): Promise<void>;
}

/** A fault the emulator injects into the operation's own request. */
function onItsRequest(name: string, fault: Omit<FaultSpec, 'pathPattern'>): Fault {
  return {
    name,
    inject: async (operation) => void (await emulator().addFault({ ...operation.request, ...fault })),
  };
}

export const briefThrottling = onItsRequest('429 with Retry-After 1', { status: 429, retryAfter: 1 });
export const longThrottling = onItsRequest('429 with Retry-After 300', { status: 429, retryAfter: 300 });
export const endlessThrottling = onItsRequest('429 past every retry', { status: 429, retryAfter: 0, count: 50 });
export const serverError = onItsRequest('500', { status: 500 });
export const serviceUnavailable = onItsRequest('503', { status: 503 });
export const droppedConnection = onItsRequest('connection dropped', { dropConnection: true });
export const noPermission = onItsRequest('403', { status: 403, errorCode: 'AuthorizationFailed' });
export const operationFails = onItsRequest('operation ends Failed', {
  lroOutcome: 'Failed',
  errorCode: 'GatewayConfigurationFailed',
  message: 'The gateway could not apply the configuration.',
});

const stopWaiting = (input: TestUserInput) => input.stopWaiting('', 'Azure is');

export const operationNeverEnds: Fault = { ...onItsRequest('operation never ends', { lroOutcome: 'Stuck' }), answers: stopWaiting };

export const slowOperation: Fault = {
  name: 'slow operation, the user stops waiting',
  inject: async () => void (await emulator().setConfig({ lroMs: 1500 })),
  answers: stopWaiting,
};

export const anotherOperationInProgress: Fault = {
  ...onItsRequest('409 AnotherOperationInProgress', { status: 409, errorCode: 'AnotherOperationInProgress' }),
  answers: (input) => input.choose('Could not', 'Retry when it finishes'),
};

export const deletedMeanwhile: Fault = {
  name: 'deleted meanwhile (404)',
  async inject(operation) {
    assert.ok(operation.connection, `${operation.name} works on no connection`);
    await deleteInAzure(operation.connection);
  },
  answers: (input) => input.choose('Could not', 'Refresh'),
};

/** With one item per page, page `page` of the list fails; the pages before it load. */
export function pageFails(page: number): Fault {
  return {
    name: `page ${page} of the list throttled (429, Retry-After 300)`,
    async inject(operation) {
      await emulator().setConfig({ pageSize: 1 });
      await emulator().addFault({ ...operation.request, skip: page - 1, status: 429, retryAfter: 300 });
    },
  };
}

const authentication = 'azureVpn.authentication';
let configuredSignIn: unknown;

export const cannotSignIn: Fault = {
  name: 'a credential that cannot sign in',
  async inject() {
    configuredSignIn = userSetting(authentication);
    // No Azure CLI is installed where the tests run, so it cannot give a token.
    await updateSetting(authentication, 'azureCli');
  },
  restore: () => updateSetting(authentication, configuredSignIn),
};

/** A new credential, so the token lifetime the emulator now has applies from its first token on. */
export async function signInAgain(): Promise<void> {
  const method = userSetting(authentication);
  await updateSetting(authentication, 'azureCli');
  await updateSetting(authentication, method);
}

export const tokenExpiresMidway: Fault = {
  name: 'token expires during the operation',
  async inject() {
    await emulator().setConfig({ tokenTtlSeconds: 2, lroMs: 3000 });
    await signInAgain();
  },
};

// ---- end states ----

export interface EndState {
  /** Whether the user gets as far as the operation's normal result. */
  succeeds: boolean;
  /** In words, for the test name. */
  words(operation: Operation): string;
  check(attempt: Attempt, operation: Operation): Promise<void>;
}

export const tookEffect: EndState = { succeeds: true, words: (operation) => operation.effect, check: (attempt) => attempt.tookEffect() };

export const changedNothing: EndState = { succeeds: false, words: (operation) => operation.noEffect, check: (attempt) => attempt.changedNothing() };

export const stillRunningInAzure: EndState = {
  succeeds: false,
  words: () => 'the tree shows what Azure is still doing',
  check: (attempt) => attempt.stillRunning(),
};

export const finishesLater: EndState = {
  succeeds: false,
  words: (operation) => `Azure finishes: ${operation.effect}`,
  async check(attempt) {
    await eventually('Azure finishes the operation and a refresh shows it', async () => {
      await attempt.refresh();
      return attempt.tookEffect().then(
        () => true,
        () => false,
      );
    });
  },
};

export const goneAfterRefresh: EndState = {
  succeeds: false,
  words: () => 'the gateway reloads without it',
  async check(attempt, operation) {
    assert.ok(attempt.refreshed.some((id) => sameResourceId(id, gatewayId)), 'the gateway was not reloaded');
    assert.ok(!(await childLabels(await nodeAt(...gatewayInTree))).includes(operation.connection!.name), 'the tree still lists it');
  },
};

export const signedOut: EndState = {
  succeeds: false,
  words: () => 'signed out (the tree is empty); choosing a sign-in method that works brings the subscriptions back',
  async check(attempt) {
    const tree = (await extensionApi()).treeDataProvider;
    assert.deepStrictEqual(attempt.shown, ['the welcome view: Sign in to Azure…']);
    assert.strictEqual(tree.signInState, 'signedOut');
    // The welcome view's "Choose Sign-in Method…".
    await runCommand('azureVpn.chooseSignInMethod', new TestUserInput().pick('Choose Sign-in Method', 'Environment'));
    await eventually('the subscriptions are back', async () => (await childLabels()).length === 2);
    assert.strictEqual(tree.signInState, 'signedIn');
  },
};

/** All of the states hold; the first one names them. */
export function and(first: EndState, ...more: Array<(attempt: Attempt, operation: Operation) => void | Promise<void>>): EndState {
  return {
    ...first,
    async check(attempt, operation) {
      await first.check(attempt, operation);
      for (const check of more) await check(attempt, operation);
    },
  };
}

function errors(attempt: Attempt) {
  return attempt.input.messages.filter((shown) => shown.severity === 'error');
}

export function noErrorShown(attempt: Attempt): void {
  assert.deepStrictEqual(errors(attempt).map((shown) => shown.message), []);
}

/** The error offers exactly these actions (none: no retry that cannot help). */
export function offers(...actions: string[]): (attempt: Attempt) => void {
  return (attempt) => {
    const [failure] = errors(attempt);
    assert.ok(failure, 'no error was shown');
    assert.deepStrictEqual(failure.actions, actions);
  };
}

/** The fault hit the operation's request and the SDK sent it once more. */
export function retriedOnce(attempt: Attempt, operation: Operation): void {
  assert.strictEqual(matching(attempt.requests, operation.request).length, 2, 'the operation\'s request was not sent exactly twice');
}

/** Azure asked for minutes: the request was sent once, with no retry and no wait. */
export function triedOnce(attempt: Attempt, operation: Operation): void {
  assert.deepStrictEqual(
    matching(attempt.requests, operation.request).map((request) => request.status),
    [429],
  );
}

/** The token ran out during the operation: the extension got new ones, and Azure never refused one. */
export function tokenRenewed(attempt: Attempt): void {
  const tokens = attempt.requests.filter((request) => request.path.includes('/oauth2/'));
  assert.ok(tokens.length >= 2, `the extension asked for ${tokens.length} token(s) during the operation`);
  assert.deepStrictEqual(armRequests(attempt.requests).filter((request) => request.status === 401), [], 'Azure refused a token');
}

export function readAgain(attempt: Attempt): Promise<void> {
  return attempt.readAgain();
}
