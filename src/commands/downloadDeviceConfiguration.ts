// Download Device Configuration…: vendor → device family → firmware, from the devices Azure has
// scripts for, then the script for this connection, opened in a read-only editor held in memory. The
// script holds the connection's shared key: the command says so, leaves an audit line (never the
// script), and nothing of it is logged or written anywhere unless the user saves it.
import type { Connection } from '../azure/model';
import { connectionRef, parseResourceId } from '../azure/resourceId';
import type { VpnDevice, VpnDeviceVendor } from '../azure/vpnDevices';
import type { TreeNode } from '../tree/treeNode';
import { answered, UserCancelledError } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import { runWizard, type WizardStep } from '../ui/wizard';
import { attempt, writeAudit } from './failures';
import type { Services } from './services';
import { connectionTarget, siteToSiteWithSharedKey } from './targets';

interface Choice {
  vendors: VpnDeviceVendor[];
  vendor?: string;
  family?: string;
  firmware?: string;
}

const familiesOf = (choice: Choice) => choice.vendors.find((vendor) => vendor.name === choice.vendor)?.families ?? [];
const firmwareOf = (choice: Choice) => familiesOf(choice).find((family) => family.name === choice.family)?.firmwareVersions ?? [];

function steps(services: Services): WizardStep<Choice>[] {
  const pick = async (names: string[], prompt: { title: string; canGoBack: boolean }, what: string) =>
    answered(await services.input.pickOne(names.map((name) => ({ label: name, value: name })), { ...prompt, placeHolder: `Select the ${what}` }));
  return [
    {
      title: 'vendor',
      isAnswered: (choice) => !!choice.vendor,
      summary: (choice) => choice.vendor ?? '',
      async ask(choice, prompt) {
        choice.vendor = await pick(choice.vendors.map((vendor) => vendor.name), prompt, 'vendor of the on-premises VPN device');
      },
    },
    {
      title: 'device family',
      isAnswered: (choice) => familiesOf(choice).some((family) => family.name === choice.family),
      summary: (choice) => choice.family ?? '',
      async ask(choice, prompt) {
        choice.family = await pick(familiesOf(choice).map((family) => family.name), prompt, `${choice.vendor} device family`);
      },
    },
    {
      title: 'firmware',
      isAnswered: (choice) => firmwareOf(choice).includes(choice.firmware ?? ''),
      summary: (choice) => choice.firmware ?? '',
      async ask(choice, prompt) {
        choice.firmware = await pick(firmwareOf(choice), prompt, `firmware version of the ${choice.family}`);
      },
    },
  ];
}

export async function downloadDeviceConfiguration(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, siteToSiteWithSharedKey, 'Download Device Configuration');
  await attempt({ what: `download the device configuration of '${connection.name}'`, connection }, async () => {
    const api = await services.azure.getApi();
    const gateway = parseResourceId(connection.gateway1Id ?? '');
    const vendors = await withReadProgress('Reading the VPN devices Azure has scripts for…', () => api.listSupportedVpnDevices(gateway));
    if (vendors.length === 0) {
      void services.input.showMessage('info', `Azure lists no VPN device it has a configuration script for on '${gateway.name}'.`, {});
      throw new UserCancelledError();
    }
    const choice: Choice = { vendors };
    await runWizard(
      {
        title: `Download Device Configuration of '${connection.name}'`,
        steps: steps(services),
        finish: 'Download',
        finishDetail: () => 'The script holds the shared key: it opens in memory, not in a file.',
      },
      choice,
      services.input,
    );
    const device: VpnDevice = { vendor: choice.vendor!, deviceFamily: choice.family!, firmwareVersion: choice.firmware! };
    await openScript(services, connection, device);
  });
}

async function openScript(services: Services, connection: Connection, device: VpnDevice): Promise<void> {
  const subject = { what: 'read device configuration script' as const, connectionId: connection.id };
  let script: string;
  try {
    const api = await services.azure.getApi();
    script = await withReadProgress(`Reading the configuration script for '${connection.name}'…`, () => api.getVpnDeviceConfigurationScript(connectionRef(connection), device));
    writeAudit(services, subject);
  } catch (error) {
    writeAudit(services, subject, error);
    throw error;
  }
  const title = `${connection.name} ${device.vendor} ${device.deviceFamily} ${device.firmwareVersion}`.replace(/[\\/:*?"<>|]/g, '-');
  await services.details.show(connection.id, title, script, 'plaintext');
  // One short line: a notification without buttons shows only its first line.
  void services.input.showMessage('warning', 'Keep it safe: this script holds the shared key.', {});
}
