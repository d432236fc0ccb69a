// A result table in the format the request asks for: objectArray (one object per row, keys in
// column order) or table (columns with Graph's data types, rows as arrays).
import type { Table } from './kqlOperators';
import type { ResultFormat } from './graphRequest';

type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'object';

/** Graph's own columns have fixed types; a computed one takes the type of its values (dynamic when mixed or all null). */
const FIXED: Record<string, ColumnType> = {
  id: 'string', name: 'string', type: 'string', tenantId: 'string', kind: 'string', location: 'string',
  resourceGroup: 'string', subscriptionId: 'string', managedBy: 'string',
};

function typeOf(value: unknown): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'object';
}

function columnType(name: string, values: unknown[]): ColumnType {
  if (FIXED[name]) return FIXED[name];
  const types = new Set(values.filter((v) => v !== null && v !== undefined).map(typeOf));
  if (types.size === 2 && types.has('integer') && types.has('number')) return 'number';
  return types.size === 1 ? [...types][0] : 'object';
}

export function formatTable(table: Table, format: ResultFormat): unknown {
  const cell = (row: Record<string, unknown>, column: string) => row[column] ?? null;
  if (format === 'objectArray') return table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, cell(row, c)])));
  return {
    columns: table.columns.map((name) => ({ name, type: columnType(name, table.rows.map((r) => r[name])) })),
    rows: table.rows.map((row) => table.columns.map((c) => cell(row, c))),
  };
}
