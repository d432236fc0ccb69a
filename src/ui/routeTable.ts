// A BGP gateway's learned or advertised routes as a plain-text table, the way a router prints them,
// for a read-only document. No vscode import: unit-tested in plain Node.
import type { GatewayRoute } from '../azure/bgp';

const columns: Array<{ title: string; value: (route: GatewayRoute) => string }> = [
  { title: 'Network', value: (route) => route.network ?? '' },
  { title: 'Next hop', value: (route) => route.nextHop ?? '' },
  { title: 'Origin', value: (route) => route.origin ?? '' },
  { title: 'Source peer', value: (route) => route.sourcePeer ?? '' },
  { title: 'AS path', value: (route) => route.asPath ?? '' },
  { title: 'Weight', value: (route) => (route.weight === undefined ? '' : String(route.weight)) },
  { title: 'Gateway instance', value: (route) => route.localAddress ?? '' },
];

/** `heading`: what the routes are, e.g. "Routes vgw-prod-we learned". `empty`: what no route means here. */
export function routeTable(heading: string, routes: GatewayRoute[], readAt: Date, empty: string): string {
  const count = routes.length === 1 ? '1 route' : `${routes.length} routes`;
  const head = [heading, `${count}, read from Azure at ${readAt.toISOString()}`, ''];
  if (routes.length === 0) return [...head, empty, ''].join('\n');
  const cells = routes.map((route) => columns.map((column) => column.value(route)));
  const widths = columns.map((column, index) => Math.max(column.title.length, ...cells.map((row) => row[index].length)));
  const line = (row: string[]) => row.map((cell, index) => cell.padEnd(widths[index])).join('  ').trimEnd();
  return [...head, line(columns.map((column) => column.title)), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line), ''].join('\n');
}
