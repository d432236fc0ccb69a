// Filtering Go to Connection's list in the extension: every word typed, in any case, in the label,
// description or detail; the first matches shown, all of them counted.
import * as assert from 'assert';
import type { PickItem } from '../../../src/ui/pickerItems';
import { filterByWords, searchTextOf } from '../../../src/ui/wordFilter';

const items: PickItem<number>[] = [
  { label: 'cn-prod-we-paris', description: 'Connected · IPsec', detail: 'vgw-prod-we · rg-vpn · Contoso Networking (Production)', value: 1 },
  { label: 'cn-zrh-geneva', description: 'Not connected · IPsec', detail: 'vgw-zrh-01 · rg-Zürich-vpn · Contoso Networking (Production)', value: 2 },
  { label: 'cn-lab-home', description: 'Status unknown · IPsec', detail: 'vgw-lab-eus · rg-lab · Contoso Networking (Lab)', value: 3 },
];
const texts = items.map(searchTextOf);
const values = (query: string, limit = 10) => filterByWords(items, texts, query, limit).shown.map((item) => item.value);

describe('ui: filtering a long list by the words typed', () => {
  it('shows everything for nothing typed, in the order given', () => {
    assert.deepStrictEqual(values(''), [1, 2, 3]);
    assert.deepStrictEqual(values('   '), [1, 2, 3]);
  });

  it('finds a word in the label, the description or the detail, whatever its case', () => {
    assert.deepStrictEqual(values('GENEVA'), [2]);
    assert.deepStrictEqual(values('not connected'), [2]);
    assert.deepStrictEqual(values('zürich'), [2]);
    assert.deepStrictEqual(values('(lab)'), [3]);
  });

  it('needs every word, in any order', () => {
    assert.deepStrictEqual(values('production ipsec'), [1, 2]);
    assert.deepStrictEqual(values('ipsec production connected'), [1, 2], '"connected" is in "Not connected" too');
    assert.deepStrictEqual(values('production lab'), []);
  });

  it('shows at most the limit, and counts every match', () => {
    const filtered = filterByWords(items, texts, 'contoso', 2);
    assert.deepStrictEqual([filtered.shown.map((item) => item.value), filtered.matching], [[1, 2], 3]);
  });
});
