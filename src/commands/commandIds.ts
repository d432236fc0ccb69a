// Every command the extension registers. No vscode import, so a plain-Node test can compare it with
// package.json; registerCommands.ts must give each id a handler (the type checker enforces it).
export const commandIds = [
  'azureVpn.refresh',
  'azureVpn.selectSubscriptions',
  'azureVpn.signIn',
  'azureVpn.chooseSignInMethod',
  'azureVpn.viewSharedKey',
  'azureVpn.copySharedKey',
  'azureVpn.setSharedKey',
  'azureVpn.resetSharedKey',
  'azureVpn.recoverSharedKey',
  'azureVpn.checkPairKeys',
  'azureVpn.goToOtherHalf',
  'azureVpn.showConnectionDetails',
  'azureVpn.deleteConnection',
  'azureVpn.createConnection',
  'azureVpn.copyResourceId',
  'azureVpn.openInPortal',
  'azureVpn.resetConnection',
  'azureVpn.editConnection',
  'azureVpn.downloadDeviceConfiguration',
  'azureVpn.showLearnedRoutes',
  'azureVpn.showAdvertisedRoutes',
  'azureVpn.goToConnection',
  'azureVpn.showOnlyProblems',
  'azureVpn.showAllConnections',
] as const;

export type CommandId = (typeof commandIds)[number];
