// What users download and what VS Code loads: the .vsix as the end-to-end tests package it (vsce runs
// the production build itself), and the two bundle files in it.
import * as fs from 'fs';
import * as path from 'path';
import { packageExtension } from '../e2e/support/vsix';
import { repoRoot } from '../host/paths';

export interface PackageSize {
  vsix: string;
  vsixBytes: number;
  /** dist/extension.js: what activation loads. */
  bundleBytes: number;
  /** dist/azure-sdk.js: loaded on the first call to Azure. */
  sdkBundleBytes: number;
}

export const sdkBundle = path.join(repoRoot, 'dist', 'azure-sdk.js');

export async function measurePackage(): Promise<PackageSize> {
  const vsix = await packageExtension();
  return {
    vsix,
    vsixBytes: fs.statSync(vsix).size,
    bundleBytes: fs.statSync(path.join(repoRoot, 'dist', 'extension.js')).size,
    sdkBundleBytes: fs.statSync(sdkBundle).size,
  };
}
