// Each cloud's endpoints and token scope; the scope must follow the cloud, never default to public Azure's.
import * as assert from 'assert';
import { armScope, cloudFromSovereignEnvironment, CloudConfigurationError, portalUrlForResource, resolveCloud, customCloudFromVsCode } from '../../../src/azure/clouds';
import { needsInstanceDiscoveryDisabled } from '../../../src/azure/credentials';

describe('clouds', () => {
  const expected = [
    ['AzureCloud', 'https://management.azure.com', 'https://login.microsoftonline.com', 'https://management.core.windows.net/.default'],
    ['AzureChinaCloud', 'https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn/.default'],
    ['AzureUSGovernment', 'https://management.usgovcloudapi.net', 'https://login.microsoftonline.us', 'https://management.core.usgovcloudapi.net/.default'],
  ] as const;
  for (const [name, endpoint, authority, scope] of expected) {
    it(`${name}: Resource Manager ${endpoint}, sign-in ${authority}, scope ${scope}`, () => {
      const cloud = resolveCloud(name);
      assert.strictEqual(cloud.resourceManagerEndpoint, endpoint);
      assert.strictEqual(cloud.authorityHost, authority);
      assert.strictEqual(armScope(cloud), scope);
      assert.strictEqual(needsInstanceDiscoveryDisabled(cloud.authorityHost), false);
    });
  }

  it('Custom (Azure Stack Hub): endpoints and audience from the setting, scope from the audience', () => {
    const cloud = resolveCloud('Custom', {
      resourceManagerEndpoint: 'https://management.local.azurestack.external/',
      authorityHost: 'https://adfs.local.azurestack.external/adfs',
      resourceManagerAudience: 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155',
    });
    assert.strictEqual(cloud.resourceManagerEndpoint, 'https://management.local.azurestack.external');
    assert.strictEqual(armScope(cloud), 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155/.default');
    assert.strictEqual(needsInstanceDiscoveryDisabled(cloud.authorityHost), true);
  });

  it('Custom without an audience uses the Resource Manager endpoint as audience', () => {
    const cloud = resolveCloud('Custom', { resourceManagerEndpoint: 'https://arm.contoso.example', authorityHost: 'https://login.contoso.example' });
    assert.strictEqual(armScope(cloud), 'https://arm.contoso.example/.default');
  });

  it('Custom with a missing or non-https endpoint says which setting is wrong', () => {
    assert.throws(() => resolveCloud('Custom', {}), (e: unknown) => e instanceof CloudConfigurationError && /resourceManagerEndpoint/.test(e.message));
    assert.throws(
      () => resolveCloud('Custom', { resourceManagerEndpoint: 'http://arm.example', authorityHost: 'https://login.example' }),
      /must be an https:\/\/ URL/,
    );
    assert.throws(() => resolveCloud('Custom', { resourceManagerEndpoint: 'not a url', authorityHost: 'https://x' }), /is not a URL/);
  });

  it('follows VS Code’s microsoft-sovereign-cloud.environment', () => {
    assert.strictEqual(cloudFromSovereignEnvironment('ChinaCloud'), 'AzureChinaCloud');
    assert.strictEqual(cloudFromSovereignEnvironment('USGovernment'), 'AzureUSGovernment');
    assert.strictEqual(cloudFromSovereignEnvironment('custom'), 'Custom');
    assert.strictEqual(cloudFromSovereignEnvironment(undefined), undefined);
  });

  it('reads VS Code’s microsoft-sovereign-cloud.customEnvironment as the custom cloud, token audience included', () => {
    const cloud = resolveCloud(
      'Custom',
      customCloudFromVsCode({
        name: 'Azure Stack Hub',
        portalUrl: 'https://portal.local.azurestack.external/',
        resourceManagerEndpointUrl: 'https://management.local.azurestack.external/',
        activeDirectoryEndpointUrl: 'https://login.microsoftonline.com/',
        activeDirectoryResourceId: 'https://management.adfs.azurestack.local/4c1b4a3b-77ae-4a2e-9b2b-2a0c0b1e9f3d',
      }),
    );
    assert.deepStrictEqual(cloud, {
      name: 'Custom',
      resourceManagerEndpoint: 'https://management.local.azurestack.external',
      authorityHost: 'https://login.microsoftonline.com',
      resourceManagerAudience: 'https://management.adfs.azurestack.local/4c1b4a3b-77ae-4a2e-9b2b-2a0c0b1e9f3d',
      portalUrl: 'https://portal.local.azurestack.external',
    });
    assert.throws(() => resolveCloud('Custom', customCloudFromVsCode(undefined)), CloudConfigurationError);
  });

  it('opens resources in the portal of the configured cloud', () => {
    assert.strictEqual(
      portalUrlForResource(resolveCloud('AzureChinaCloud'), '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/connections/c'),
      'https://portal.azure.cn/#resource/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/connections/c',
    );
  });
});
