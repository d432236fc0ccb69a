import * as assert from 'assert';
import { filterFromSelection, subscriptionsInFilter } from '../../../src/services/subscriptionFilter';
import { localNetworkGatewayItems, peerGatewayItems, subscriptionFilterItems } from '../../../src/ui/pickerItems';
import { gateway, localGateway, subscription } from '../tree/sampleModel';

const subscriptions = [subscription('sub-1', 'Production'), subscription('SUB-2', 'Dev'), subscription('sub-3', 'Archive')];

describe('picker logic', () => {
  describe('the subscription filter', () => {
    it('shows every subscription when empty', () => {
      assert.deepStrictEqual(subscriptionsInFilter(subscriptions, []), subscriptions);
    });

    it('keeps only the listed ids, whatever their case', () => {
      assert.deepStrictEqual(
        subscriptionsInFilter(subscriptions, ['sub-2', 'SUB-3']).map((s) => s.displayName),
        ['Dev', 'Archive'],
      );
    });

    it('ticks the filtered subscriptions in Select Subscriptions… (all when the filter is empty)', () => {
      const picked = (filter: string[]) =>
        subscriptionFilterItems(subscriptions, filter)
          .filter((item) => item.picked)
          .map((item) => item.label);
      assert.deepStrictEqual(picked([]), ['Archive', 'Dev', 'Production']);
      assert.deepStrictEqual(picked(['sub-1']), ['Production']);
    });

    it('writes an empty filter when every subscription is chosen, the ids otherwise', () => {
      assert.deepStrictEqual(filterFromSelection(subscriptions, subscriptions), []);
      assert.deepStrictEqual(filterFromSelection(subscriptions, [subscriptions[1]]), ['SUB-2']);
    });
  });

  it('offers as the other end of a Vnet2Vnet every VPN gateway but this one, across subscriptions', () => {
    const from = gateway('gw-1');
    const items = peerGatewayItems(
      [from, gateway('gw-2'), gateway('er', { kind: 'ExpressRoute' }), gateway('gw-3', { subscriptionId: 'sub-9' })],
      from,
    );
    assert.deepStrictEqual(items.map((item) => item.label), ['gw-2', 'gw-3']);
    assert.strictEqual(items[0].detail, undefined);
    assert.strictEqual(items[1].detail, 'Subscription sub-9');
  });

  it('offers only the local network gateways of the gateway’s region, and marks those a connection already uses', () => {
    const near = localGateway('z-near', 'West Europe');
    const items = localNetworkGatewayItems(
      [localGateway('b-far', 'eastus'), near, localGateway('a-near', 'westeurope')],
      gateway('gw-1'),
      new Map([[near.id.toLowerCase(), 'cn-to-z']]),
    );
    assert.deepStrictEqual(items.map((item) => item.label), ['a-near', 'z-near']);
    assert.strictEqual(items[0].detail, '10.1.0.0/16');
    assert.match(items[1].description ?? '', /^in use by cn-to-z · /);
    assert.doesNotMatch(items[0].description ?? '', /in use/);
  });
});
