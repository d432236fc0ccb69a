// What Edit Connection lets be typed or picked for a tunnel, and the route tables of BGP.
import * as assert from 'assert';
import { integrityChoices, integrityFits } from '../../../src/ui/ipsecPolicy';
import { routeTable } from '../../../src/ui/routeTable';
import { dpdTimeout, parseWholeNumber, routingWeight, saDataSize, validateWholeNumber } from '../../../src/ui/tunnelSettingsValidation';

describe('tunnel settings as typed and picked', () => {
  it('refuses a DPD timeout, routing weight or SA size Azure would refuse, saying why', () => {
    const cases: Array<[string, typeof dpdTimeout, string | undefined]> = [
      ['', dpdTimeout, 'Enter a whole number from 9 seconds to 3,600 seconds.'],
      ['5', dpdTimeout, 'The DPD timeout must be at least 9 seconds.'],
      ['3601', dpdTimeout, 'The DPD timeout can be at most 3,600 seconds.'],
      ['30.5', dpdTimeout, 'The DPD timeout must be a whole number.'],
      ['thirty', dpdTimeout, 'The DPD timeout must be a number from 9 seconds to 3,600 seconds.'],
      ['30', dpdTimeout, undefined],
      ['-1', routingWeight, 'The routing weight must be at least 0.'],
      ['32,000', routingWeight, undefined],
      ['1023', saDataSize, 'The SA data size must be at least 1,024 kilobytes.'],
      ['102 400 000', saDataSize, undefined],
    ];
    assert.deepStrictEqual(cases.map(([value, range]) => validateWholeNumber(value, range)), cases.map(([, , reason]) => reason));
    assert.strictEqual(parseWholeNumber(' 102,400,000 '), 102_400_000);
  });

  it('offers only the integrity that goes with a GCM cipher, and no GCM integrity with another cipher', () => {
    assert.deepStrictEqual(integrityChoices('ipsec', 'GCMAES128'), ['GCMAES128']);
    assert.deepStrictEqual(integrityChoices('ipsec', 'AES256'), ['MD5', 'SHA1', 'SHA256']);
    assert.deepStrictEqual(integrityChoices('ike', 'GCMAES256'), ['MD5', 'SHA1', 'SHA256', 'SHA384', 'GCMAES256']);
    assert.deepStrictEqual(integrityChoices('ike', 'AES128'), ['MD5', 'SHA1', 'SHA256', 'SHA384']);
    assert.deepStrictEqual([integrityFits('ipsec', 'GCMAES256', 'SHA256'), integrityFits('ipsec', 'AES256', 'SHA256'), integrityFits('ike', 'AES256', undefined)], [false, true, false]);
  });

  it('prints routes as an aligned table, and says what no route means', () => {
    const readAt = new Date('2025-11-03T07:41:12.000Z');
    const table = routeTable('Routes vgw learned', [
      { localAddress: '10.10.255.254', network: '10.110.0.0/16', nextHop: '169.254.21.1', sourcePeer: '169.254.21.1', origin: 'EBgp', asPath: '65110', weight: 32768 },
      { localAddress: '10.10.255.254', network: '10.10.0.0/16', nextHop: '', sourcePeer: '10.10.255.254', origin: 'Network', asPath: '', weight: 32768 },
    ], readAt, 'None.');
    assert.deepStrictEqual(table.split('\n'), [
      'Routes vgw learned',
      '2 routes, read from Azure at 2025-11-03T07:41:12.000Z',
      '',
      'Network        Next hop      Origin   Source peer    AS path  Weight  Gateway instance',
      '-------------  ------------  -------  -------------  -------  ------  ----------------',
      '10.110.0.0/16  169.254.21.1  EBgp     169.254.21.1   65110    32768   10.10.255.254',
      '10.10.0.0/16                 Network  10.10.255.254           32768   10.10.255.254',
      '',
    ]);
    assert.match(routeTable('Routes advertised', [], readAt, 'None: not connected.'), /0 routes, read from Azure at .*\n\nNone: not connected\.\n$/);
  });
});
