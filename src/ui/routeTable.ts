// A BGP gateway's learned or advertised routes as a plain-text table, the way a router prints them,
// for a read-only document. No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { GatewayRoute } from '../azure/bgp';

const tableColumns = (): Array<{ title: string; value: (route: GatewayRoute) => string }> => [
  { title: l10n.t({ message: 'Network', comment: ['A column of a route table: the address prefix'] }), value: (route) => route.network ?? '' },
  { title: l10n.t('Next hop'), value: (route) => route.nextHop ?? '' },
  { title: l10n.t({ message: 'Origin', comment: ['A column of a route table: where the route comes from (EBgp, Network…)'] }), value: (route) => route.origin ?? '' },
  { title: l10n.t('Source peer'), value: (route) => route.sourcePeer ?? '' },
  { title: l10n.t('AS path'), value: (route) => route.asPath ?? '' },
  { title: l10n.t({ message: 'Weight', comment: ['A column of a route table: the BGP weight'] }), value: (route) => (route.weight === undefined ? '' : String(route.weight)) },
  { title: l10n.t('Gateway instance'), value: (route) => route.localAddress ?? '' },
];

/** `heading`: what the routes are, e.g. "Routes vgw-prod-we learned". `empty`: what no route means here. */
export function routeTable(heading: string, routes: GatewayRoute[], readAt: Date, empty: string): string {
  const count = routes.length === 1 ? l10n.t('1 route') : l10n.t('{0} routes', routes.length);
  const head = [heading, l10n.t({ message: '{0}, read from Azure at {1}', args: [count, readAt.toISOString()], comment: ['{0} is a number of routes ("3 routes"), {1} a time'] }), ''];
  if (routes.length === 0) return [...head, empty, ''].join('\n');
  const columns = tableColumns();
  const cells = routes.map((route) => columns.map((column) => column.value(route)));
  const widths = columns.map((column, index) => Math.max(column.title.length, ...cells.map((row) => row[index].length)));
  const line = (row: string[]) => row.map((cell, index) => cell.padEnd(widths[index])).join('  ').trimEnd();
  return [...head, line(columns.map((column) => column.title)), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line), ''].join('\n');
}
