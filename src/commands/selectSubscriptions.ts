// Select Subscriptions…: a multi-select pick that writes the azureVpn.subscriptions filter.
import * as l10n from '@vscode/l10n';
import { filterFromSelection } from '../services/subscriptionFilter';
import { subscriptionFilterItems } from '../ui/pickerItems';
import { withReadProgress } from '../ui/progress';
import { subscriptionFilter, writeSubscriptionFilter } from '../services/settings';
import { answered } from '../ui/cancelled';
import type { Services } from './services';

export async function selectSubscriptions(services: Services): Promise<void> {
  const api = await services.azure.getApi();
  const all = await withReadProgress(l10n.t('Reading your subscriptions…'), () => api.listSubscriptions());
  if (all.length === 0) {
    void services.input.showMessage('info', l10n.t('This account has no subscriptions to choose from.'), {});
    return;
  }
  const chosen = answered(
    await services.input.pickMany(subscriptionFilterItems(all, subscriptionFilter()), {
      title: l10n.t('Select Subscriptions'),
      placeHolder: l10n.t('Select the subscriptions to show in the Connections view'),
    }),
  );
  if (chosen.length === 0) {
    void services.input.showMessage('warning', l10n.t('Select at least one subscription; the filter was not changed.'), {});
    return;
  }
  await writeSubscriptionFilter(filterFromSelection(all, chosen));
  services.tree.refresh();
}
