// Runs a parsed query over tables of rows: each tabular operator takes a table (column names in
// order, rows as objects) and makes the next. Every expression is bound against the columns first,
// so a query naming a column or function Graph does not have fails even when no row would be read.
import { parseQuery } from './kqlParser';
import { bind, compare, derivedName, evaluate, text, type Row } from './kqlScalars';
import { QueryError, type Aggregate, type Assignment, type Operator, type Pipeline, type SortKey } from './kqlSyntax';

export interface Table {
  columns: string[];
  rows: Row[];
}

export interface QueryResult extends Table {
  /** The query itself limits its rows (take, limit, top): Graph then offers no $skipToken. */
  limited: boolean;
}

/** The rows of a table the query names; only the tables a query reads are built. */
export type TableSource = (table: string) => Table;

const unique = (name: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(name)) return name;
  let n = 1;
  while (taken.has(`${name}${n}`)) n++;
  return `${name}${n}`;
};

/** Names for assignments: the given one, the derived one, or Column1, Column2, … */
function names(items: Assignment[], existing: ReadonlySet<string> = new Set()): string[] {
  const taken = new Set<string>();
  let unnamed = 0;
  return items.map((item) => {
    const name = item.name ?? derivedName(item.expr) ?? `Column${++unnamed}`;
    const chosen = item.name || existing.has(name) ? name : unique(name, taken);
    taken.add(chosen);
    return chosen;
  });
}

function bindAll(exprs: Array<{ expr: Assignment['expr'] }>, table: Table, operator: string): void {
  const columns = new Set(table.columns);
  for (const { expr } of exprs) bind(expr, columns, operator);
}

function project(table: Table, items: Assignment[], operator: string): Table {
  bindAll(items, table, operator);
  const columns = names(items);
  return { columns, rows: table.rows.map((row) => Object.fromEntries(items.map((item, i) => [columns[i], evaluate(item.expr, row)]))) };
}

function extend(table: Table, items: Assignment[]): Table {
  bindAll(items, table, 'extend');
  const added = names(items, new Set(table.columns));
  const columns = [...table.columns, ...added.filter((n) => !table.columns.includes(n))];
  const rows = table.rows.map((row) => {
    const next = { ...row };
    items.forEach((item, i) => (next[added[i]] = evaluate(item.expr, row)));
    return next;
  });
  return { columns, rows };
}

const AGGREGATES: Record<string, { arity: number; fold: (values: unknown[]) => unknown }> = {
  count: { arity: 0, fold: (values) => values.length },
  countif: { arity: 1, fold: (values) => values.filter((v) => v === true).length },
  dcount: { arity: 1, fold: (values) => new Set(values.filter((v) => v !== null).map(text)).size },
  sum: { arity: 1, fold: (values) => values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0) },
  min: { arity: 1, fold: (values) => values.filter((v) => v !== null).sort(compare)[0] ?? null },
  max: { arity: 1, fold: (values) => values.filter((v) => v !== null).sort(compare).pop() ?? null },
  make_set: { arity: 1, fold: (values) => [...new Map(values.filter((v) => v !== null).map((v) => [text(v), v])).values()] },
  make_list: { arity: 1, fold: (values) => values.filter((v) => v !== null) },
};

function aggregateName(a: Aggregate): string {
  if (a.name) return a.name;
  const argument = a.args[0] && derivedName(a.args[0]);
  return argument ? `${a.fn}_${argument}` : `${a.fn}_`;
}

function summarize(table: Table, aggregates: Aggregate[], by: Assignment[]): Table {
  bindAll(by, table, 'summarize');
  for (const a of aggregates) {
    const fn = AGGREGATES[a.fn];
    if (!fn) throw new QueryError({ code: 'UnknownFunction', message: `Unknown function: '${a.fn}'.` });
    if (a.args.length !== fn.arity) throw new QueryError({ code: 'InvalidFunctionArguments', message: `Function '${a.fn}' expects ${fn.arity} arguments, not ${a.args.length}.` });
    bindAll(a.args.map((expr) => ({ expr })), table, 'summarize');
  }
  const keyColumns = names(by);
  const groups = new Map<string, { keys: unknown[]; rows: Row[] }>();
  if (by.length === 0) groups.set('[]', { keys: [], rows: [] }); // one row even when nothing matched
  for (const row of table.rows) {
    const keys = by.map((item) => evaluate(item.expr, row));
    const id = JSON.stringify(keys);
    if (!groups.has(id)) groups.set(id, { keys, rows: [] });
    groups.get(id)!.rows.push(row);
  }
  const aggregateColumns = aggregates.map(aggregateName);
  const rows = [...groups.values()].map(({ keys, rows: members }) => {
    const out: Row = Object.fromEntries(keyColumns.map((c, i) => [c, keys[i]]));
    aggregates.forEach((a, i) => {
      out[aggregateColumns[i]] = AGGREGATES[a.fn].fold(a.args.length ? members.map((r) => evaluate(a.args[0], r)) : members);
    });
    return out;
  });
  return { columns: [...keyColumns, ...aggregateColumns], rows };
}

function sort(table: Table, keys: SortKey[]): Table {
  bindAll(keys, table, 'sort');
  const decorated = table.rows.map((row) => ({ row, values: keys.map((k) => evaluate(k.expr, row)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compare(a.values[i], b.values[i]);
      if (order !== 0) return keys[i].descending ? -order : order;
    }
    return 0;
  });
  return { columns: table.columns, rows: decorated.map((d) => d.row) };
}

function join(left: Table, right: Table, op: Extract<Operator, { op: 'join' }>): Table {
  for (const key of op.on) {
    bind({ kind: 'column', name: key.left, at: op.at }, new Set(left.columns), 'join');
    bind({ kind: 'column', name: key.right, at: op.at }, new Set(right.columns), 'join');
  }
  const keyOf = (row: Row, side: 'left' | 'right') => {
    const values = op.on.map((k) => row[k[side]]);
    return values.some((v) => v === null || v === undefined) ? undefined : JSON.stringify(values.map(text));
  };
  const index = new Map<string, Row[]>();
  for (const row of right.rows) {
    const key = keyOf(row, 'right');
    if (key !== undefined) index.set(key, [...(index.get(key) ?? []), row]);
  }
  const taken = new Set(left.columns);
  const rightNames = right.columns.map((c) => {
    const name = unique(c, taken);
    taken.add(name);
    return name;
  });
  const columns = [...left.columns, ...rightNames];
  const merge = (l: Row, r: Row | undefined): Row => {
    const out: Row = { ...l };
    right.columns.forEach((c, i) => (out[rightNames[i]] = r ? r[c] : null));
    return out;
  };
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const l of left.rows) {
    const key = keyOf(l, 'left');
    if (op.kind === 'innerunique' && key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const matches = key === undefined ? [] : (index.get(key) ?? []);
    if (matches.length === 0 && op.kind === 'leftouter') rows.push(merge(l, undefined));
    for (const r of matches) rows.push(merge(l, r));
  }
  return { columns, rows };
}

/** One row per element of an array (per entry of a property bag, as `{ key: value }`); an empty one keeps the row with null. */
function mvExpand(table: Table, item: Assignment): Table {
  bindAll([item], table, 'mv-expand');
  const name = item.name ?? derivedName(item.expr) ?? 'Column1';
  const columns = table.columns.includes(name) ? table.columns : [...table.columns, name];
  const rows = table.rows.flatMap((row) => {
    const value = evaluate(item.expr, row);
    const parts = Array.isArray(value)
      ? value
      : typeof value === 'object' && value !== null
        ? Object.entries(value).map(([k, v]) => ({ [k]: v }))
        : [value];
    return (parts.length ? parts : [null]).map((part) => ({ ...row, [name]: part }));
  });
  return { columns, rows };
}

function apply(table: Table, op: Operator, source: TableSource): Table {
  switch (op.op) {
    case 'where': {
      bind(op.predicate, new Set(table.columns), 'where');
      return { columns: table.columns, rows: table.rows.filter((row) => evaluate(op.predicate, row) === true) };
    }
    case 'project': return project(table, op.items, 'project');
    case 'project-away': {
      for (const name of op.names) bind({ kind: 'column', name, at: op.at }, new Set(table.columns), 'project-away');
      return project(table, table.columns.filter((c) => !op.names.includes(c)).map((name) => ({ expr: { kind: 'column', name, at: op.at } })), 'project-away');
    }
    case 'extend': return extend(table, op.items);
    case 'summarize': return summarize(table, op.aggregates, op.by);
    case 'count': return { columns: ['Count'], rows: [{ Count: table.rows.length }] };
    case 'distinct': return summarize(table, [], op.items);
    case 'sort': return sort(table, op.keys);
    case 'take': return { columns: table.columns, rows: table.rows.slice(0, op.count) };
    case 'top': {
      const sorted = sort(table, [op.key]);
      return { columns: sorted.columns, rows: sorted.rows.slice(0, op.count) };
    }
    case 'join': return join(table, run(op.right, source), op);
    case 'mv-expand': return mvExpand(table, op.item);
  }
}

function run(pipeline: Pipeline, source: TableSource): Table {
  return pipeline.operators.reduce((table, op) => apply(table, op, source), source(pipeline.table));
}

export function runQuery(query: string, source: TableSource): QueryResult {
  const pipeline = parseQuery(query);
  const limited = pipeline.operators.some((op) => op.op === 'take' || op.op === 'top');
  return { ...run(pipeline, source), limited };
}
