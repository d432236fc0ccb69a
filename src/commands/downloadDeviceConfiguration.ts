// Download Device Configuration…: vendor → device family → firmware, from the devices Azure has
// scripts for, then the script for this connection, opened in a read-only editor held in memory. The
// script holds the connection's shared key: the command says so, leaves an audit line (never the
// script), and nothing of it is logged or written anywhere unless the user saves it.
import * as l10n from '@vscode/l10n';
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
  const pick = async (names: string[], prompt: { title: string; canGoBack: boolean }, placeHolder: string) =>
    answered(await services.input.pickOne(names.map((name) => ({ label: name, value: name })), { ...prompt, placeHolder }));
  return [
    {
      title: l10n.t({ message: 'vendor', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (choice) => !!choice.vendor,
      summary: (choice) => choice.vendor ?? '',
      async ask(choice, prompt) {
        choice.vendor = await pick(choice.vendors.map((vendor) => vendor.name), prompt, l10n.t('Select the vendor of the on-premises VPN device'));
      },
    },
    {
      title: l10n.t({ message: 'device family', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (choice) => familiesOf(choice).some((family) => family.name === choice.family),
      summary: (choice) => choice.family ?? '',
      async ask(choice, prompt) {
        choice.family = await pick(familiesOf(choice).map((family) => family.name), prompt, l10n.t('Select the {0} device family', choice.vendor ?? ''));
      },
    },
    {
      title: l10n.t({ message: 'firmware', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (choice) => firmwareOf(choice).includes(choice.firmware ?? ''),
      summary: (choice) => choice.firmware ?? '',
      async ask(choice, prompt) {
        choice.firmware = await pick(firmwareOf(choice), prompt, l10n.t('Select the firmware version of the {0}', choice.family ?? ''));
      },
    },
  ];
}

export async function downloadDeviceConfiguration(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, siteToSiteWithSharedKey(), l10n.t('Download Device Configuration'));
  const what = l10n.t({ message: "download the device configuration of '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] });
  await attempt({ what, connection }, async () => {
    const api = await services.azure.getApi();
    const gateway = parseResourceId(connection.gateway1Id ?? '');
    const vendors = await withReadProgress(l10n.t('Reading the VPN devices Azure has scripts for…'), () => api.listSupportedVpnDevices(gateway));
    if (vendors.length === 0) {
      void services.input.showMessage('info', l10n.t("Azure lists no VPN device it has a configuration script for on '{0}'.", gateway.name), {});
      throw new UserCancelledError();
    }
    const choice: Choice = { vendors };
    await runWizard(
      {
        title: l10n.t("Download Device Configuration of '{0}'", connection.name),
        steps: steps(services),
        finish: l10n.t('Download'),
        finishDetail: () => l10n.t('The script holds the shared key: it opens in memory, not in a file.'),
      },
      choice,
      services.input,
    );
    const device: VpnDevice = { vendor: choice.vendor!, deviceFamily: choice.family!, firmwareVersion: choice.firmware! };
    await openScript(services, connection, device);
  });
}

async function openScript(services: Services, connection: Connection, device: VpnDevice): Promise<void> {
  // not user-facing: the audit record's operation (KeyOperation), kept in English
  const subject = { what: 'read device configuration script' as const, connectionId: connection.id };
  let script: string;
  try {
    const api = await services.azure.getApi();
    script = await withReadProgress(l10n.t("Reading the configuration script for '{0}'…", connection.name), () => api.getVpnDeviceConfigurationScript(connectionRef(connection), device));
    writeAudit(services, subject);
  } catch (error) {
    writeAudit(services, subject, error);
    throw error;
  }
  const title = `${connection.name} ${device.vendor} ${device.deviceFamily} ${device.firmwareVersion}`.replace(/[\\/:*?"<>|]/g, '-');
  await services.details.show(connection.id, title, script, 'plaintext');
  // One short line: a notification without buttons shows only its first line.
  void services.input.showMessage('warning', l10n.t('Keep it safe: this script holds the shared key.'), {});
}
