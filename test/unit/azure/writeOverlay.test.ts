// This session's writes over Resource Graph's lag: kept until Graph agrees, outranked by what
// Resource Manager lists live, and forgotten after ten minutes in any case.
import * as assert from 'assert';
import type { FleetConnection } from '../../../src/azure/fleet';
import type { Connection } from '../../../src/azure/model';
import { WriteOverlay } from '../../../src/azure/writeOverlay';

const group = '/subscriptions/s1/resourceGroups/rg-vpn';

function row(name: string): FleetConnection {
  return { id: `${group}/providers/Microsoft.Network/connections/${name}`, name, subscriptionId: 's1', resourceGroup: 'rg-vpn', location: 'westeurope', type: 'IPsec', status: 'Connected', provisioningState: 'Succeeded' };
}

const names = (rows: FleetConnection[]) => rows.map((r) => r.name).sort();

describe('azure layer: the write overlay over Resource Graph', () => {
  let now = 0;
  let overlay: WriteOverlay;
  beforeEach(() => {
    now = 1_000_000;
    overlay = new WriteOverlay(() => now);
  });

  it('hides a deleted connection Graph still has, until Graph no longer has it; then a new one of that name shows', () => {
    overlay.deleted(row('paris').id.toUpperCase());
    assert.deepStrictEqual(names(overlay.apply([row('paris'), row('lyon')])), ['lyon']);
    assert.deepStrictEqual(names(overlay.apply([row('lyon')])), ['lyon']);
    assert.deepStrictEqual(names(overlay.apply([row('paris'), row('lyon')])), ['lyon', 'paris']);
  });

  it('shows a created connection Graph has not seen, until it has', () => {
    overlay.written(row('nantes'));
    assert.deepStrictEqual(names(overlay.apply([row('lyon')])), ['lyon', 'nantes']);
    const indexed = { ...row('nantes'), status: 'Connecting' as const };
    assert.deepStrictEqual(overlay.apply([indexed]), [indexed], 'Graph’s row, once it has one');
  });

  it('lets Resource Manager’s live lists outrank it: a connection listed live shows, one created but not listed goes', () => {
    overlay.deleted(row('paris').id);
    overlay.written(row('nantes'));
    overlay.seenLive([{ id: row('paris').id } as Connection], [{ subscriptionId: 's1', name: 'rg-vpn' }]);
    assert.deepStrictEqual(names(overlay.apply([row('paris')])), ['paris']);
  });

  it('forgets a write after ten minutes, whatever Graph says', () => {
    overlay.deleted(row('paris').id);
    overlay.written(row('nantes'));
    now += 10 * 60_000 + 1;
    assert.deepStrictEqual(names(overlay.apply([row('paris')])), ['paris']);
  });
});
