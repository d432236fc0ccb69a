// Parses a query: an optional table (`resources` when the query starts with an operator, as Graph
// allows) and `|`-separated tabular operators. Operators outside the supported subset (union,
// parse, mv-apply, …) fail as ParserFailure at their name, as Graph's own parser reports them.
import { assignment, commaList, Cursor, expression } from './kqlExpressions';
import { QueryError, type Aggregate, type Expr, type JoinKind, type Operator, type Pipeline, type SortKey } from './kqlSyntax';

export const TABLES = new Set(['resources', 'resourcecontainers']);

const OPERATORS: Record<string, (c: Cursor) => Operator> = {
  where: (c) => ({ op: 'where', predicate: expression(c) }),
  project: (c) => ({ op: 'project', items: commaList(c, assignment) }),
  'project-away': (c) => {
    const at = c.peek().at;
    return { op: 'project-away', names: commaList(c, (x) => x.name().text), at };
  },
  extend: (c) => ({ op: 'extend', items: commaList(c, assignment) }),
  summarize,
  count: () => ({ op: 'count' }),
  distinct: (c) => ({ op: 'distinct', items: commaList(c, assignment) }),
  order: sort,
  sort,
  take: (c) => ({ op: 'take', count: c.wholeNumber() }),
  limit: (c) => ({ op: 'take', count: c.wholeNumber() }),
  top: (c) => {
    const count = c.wholeNumber();
    c.expect('by');
    return { op: 'top', count, key: sortKey(c) };
  },
  join,
  'mv-expand': (c) => ({ op: 'mv-expand', item: assignment(c) }),
  mvexpand: (c) => ({ op: 'mv-expand', item: assignment(c) }),
};

function sortKey(c: Cursor): SortKey {
  const expr = expression(c);
  if (c.accept('asc')) return { expr, descending: false };
  c.accept('desc');
  return { expr, descending: true }; // Kusto sorts descending unless told otherwise
}

function sort(c: Cursor): Operator {
  c.expect('by');
  return { op: 'sort', keys: commaList(c, sortKey) };
}

function summarize(c: Cursor): Operator {
  const aggregates: Aggregate[] = [];
  if (!c.isWord('by')) {
    for (const item of commaList(c, assignment)) {
      if (item.expr.kind !== 'call') throw c.failure();
      aggregates.push({ name: item.name, fn: item.expr.name, args: item.expr.args, at: item.expr.at });
    }
  }
  const by = c.accept('by') ? commaList(c, assignment) : [];
  return { op: 'summarize', aggregates, by };
}

/** `on a`, `on a, b`, or `on $left.a == $right.b [and …]`. */
function joinKeys(c: Cursor): Array<{ left: string; right: string }> {
  if (!c.isWord('$left') && !c.isWord('$right')) return commaList(c, (x) => x.name().text).map((name) => ({ left: name, right: name }));
  const keys: Array<{ left: string; right: string }> = [];
  do {
    const side = (x: Cursor) => {
      const which = x.name();
      if (which.text !== '$left' && which.text !== '$right') throw x.failure(which);
      x.expect('.');
      return { which: which.text, name: x.name().text };
    };
    const a = side(c);
    c.expect('==');
    const b = side(c);
    if (a.which === b.which) throw c.failure();
    keys.push(a.which === '$left' ? { left: a.name, right: b.name } : { left: b.name, right: a.name });
  } while (c.accept('and'));
  return keys;
}

function join(c: Cursor): Operator {
  const at = c.peek().at;
  let kind: JoinKind = 'innerunique';
  if (c.accept('kind')) {
    c.expect('=');
    const k = c.name();
    if (k.text !== 'inner' && k.text !== 'leftouter' && k.text !== 'innerunique') throw c.failure(k);
    kind = k.text;
  }
  let right: Pipeline;
  if (c.accept('(')) {
    right = pipeline(c, false);
    c.expect(')');
  } else {
    right = pipeline(c, false, true);
  }
  c.expect('on');
  return { op: 'join', kind, right, on: joinKeys(c), at };
}

function table(c: Cursor): { table: string; tableAt: number } {
  const t = c.peek();
  if (t.type === 'word' && OPERATORS[t.text] && !TABLES.has(t.text.toLowerCase())) return { table: 'resources', tableAt: t.at };
  const name = c.name();
  if (!TABLES.has(name.text.toLowerCase())) {
    throw new QueryError({ code: 'DisallowedLogicalTableName', message: `Table ${name.text} is invalid, unsupported or disallowed.` });
  }
  return { table: name.text.toLowerCase(), tableAt: name.at };
}

/** A table and its operators; inside a join it ends at `)` (or, for a bare table, right after its name). */
function pipeline(c: Cursor, topLevel: boolean, tableOnly = false): Pipeline {
  const source = table(c);
  const operators: Operator[] = [];
  const first = c.peek();
  if (source.tableAt === first.at && OPERATORS[first.text]) operators.push(operator(c));
  while (!tableOnly && c.accept('|')) operators.push(operator(c));
  const end = c.peek();
  if (topLevel ? end.type !== 'eof' : !tableOnly && !c.isSymbol(')')) throw c.failure(end);
  return { ...source, operators };
}

function operator(c: Cursor): Operator {
  const t = c.peek();
  const parse = t.type === 'word' ? OPERATORS[t.text] : undefined;
  if (!parse) throw c.failure(t);
  c.next();
  return parse(c);
}

export function parseQuery(text: string): Pipeline {
  const c = new Cursor(text);
  return pipeline(c, true);
}

/** One scalar expression, as a facet's expression, filter or sortBy is written. */
export function parseExpression(text: string): Expr {
  const c = new Cursor(text);
  const expr = expression(c);
  if (c.peek().type !== 'eof') throw c.failure();
  return expr;
}
