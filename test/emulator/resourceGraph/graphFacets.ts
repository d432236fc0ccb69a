// Facets: for each requested expression, how many result rows share each value (after the facet's
// own filter), sorted by count or by the facet's sortBy, cut to its $top. An expression naming a
// column the result does not have answers a FacetError, as Graph's example shows.
import type { Table } from './kqlOperators';
import { parseExpression } from './kqlParser';
import { bind, compare, derivedName, evaluate, type Row } from './kqlScalars';
import { QueryError, type Expr } from './kqlSyntax';
import { formatTable } from './graphFormat';
import type { FacetRequest, ResultFormat } from './graphRequest';

function columnsNamed(expr: Expr): string[] {
  switch (expr.kind) {
    case 'column': return [expr.name];
    case 'member': return columnsNamed(expr.target);
    case 'index': return [...columnsNamed(expr.target), ...columnsNamed(expr.index)];
    case 'call': return expr.args.flatMap(columnsNamed);
    case 'binary': return [...columnsNamed(expr.left), ...columnsNamed(expr.right)];
    case 'in': return [...columnsNamed(expr.left), ...expr.list.flatMap(columnsNamed)];
    case 'negate': return columnsNamed(expr.operand);
    case 'literal': return [];
  }
}

/** How a facet reads a row: the result column its expression was projected as, or the expression itself. */
function facetValue(expr: Expr, table: Table): { column: string; value: (row: Row) => unknown } {
  const column = derivedName(expr) ?? 'Column1';
  if (table.columns.includes(column)) return { column, value: (row) => row[column] };
  const missing = columnsNamed(expr).filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    throw new QueryError({ code: 'InvalidColumnNames', message: `Invalid column names: [${missing.join(', ')}].` });
  }
  bind(expr, new Set(table.columns), 'facet');
  return { column, value: (row) => evaluate(expr, row) };
}

function facet(request: FacetRequest, table: Table, format: ResultFormat): Record<string, unknown> {
  const { column, value } = facetValue(parseExpression(request.expression), table);
  let rows = table.rows;
  if (request.filter) {
    const predicate = parseExpression(request.filter);
    bind(predicate, new Set(table.columns), 'where');
    rows = rows.filter((row) => evaluate(predicate, row) === true);
  }
  const counts = new Map<string, { value: unknown; count: number }>();
  for (const row of rows) {
    const v = value(row);
    const key = JSON.stringify(v ?? null);
    counts.set(key, { value: v ?? null, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  const grouped: Table = { columns: [column, 'count'], rows: [...counts.values()].map((g) => ({ [column]: g.value, count: g.count })) };
  const sortBy = parseExpression(request.sortBy ?? 'count');
  bind(sortBy, new Set(grouped.columns), 'sort');
  const sign = request.sortOrder === 'asc' ? 1 : -1;
  const sorted = [...grouped.rows].sort((a, b) => sign * compare(evaluate(sortBy, a), evaluate(sortBy, b)));
  const shown = sorted.slice(0, request.top);
  return { expression: request.expression, resultType: 'FacetResult', totalRecords: grouped.rows.length, count: shown.length, data: formatTable({ columns: grouped.columns, rows: shown }, format) };
}

export function facets(requests: FacetRequest[], table: Table, format: ResultFormat): unknown[] {
  return requests.map((request) => {
    try {
      return facet(request, table, format);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      const errors = error.detail.code === 'InvalidColumnNames' ? [{ code: 'NoValidColumns', message: 'No valid columns in facet expression.' }, error.detail] : [error.detail];
      return { expression: request.expression, resultType: 'FacetError', errors };
    }
  });
}
