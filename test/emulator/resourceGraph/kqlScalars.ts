// Evaluating scalar expressions on one row, with Kusto's semantics for the values Graph holds
// (strings, numbers, booleans and dynamic JSON): == is case-sensitive, =~ is not, `has` matches
// whole terms, a missing property is null and tostring(null) is ''. Also the column name Kusto
// derives for an unnamed expression, and the binding check that every column a query names exists.
import { QueryError, type Expr } from './kqlSyntax';

export type Row = Record<string, unknown>;

export const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

function wholeNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

const FUNCTIONS: Record<string, { arity: [number, number]; apply: (args: unknown[]) => unknown }> = {
  tostring: { arity: [1, 1], apply: ([v]) => text(v) },
  tolower: { arity: [1, 1], apply: ([v]) => text(v).toLowerCase() },
  toupper: { arity: [1, 1], apply: ([v]) => text(v).toUpperCase() },
  strcat: { arity: [1, 64], apply: (args) => args.map(text).join('') },
  isempty: { arity: [1, 1], apply: ([v]) => isEmpty(v) },
  isnotempty: { arity: [1, 1], apply: ([v]) => !isEmpty(v) },
  isnull: { arity: [1, 1], apply: ([v]) => v === null || v === undefined },
  isnotnull: { arity: [1, 1], apply: ([v]) => v !== null && v !== undefined },
  not: { arity: [1, 1], apply: ([v]) => v !== true },
  toint: { arity: [1, 1], apply: ([v]) => wholeNumber(v) },
  tolong: { arity: [1, 1], apply: ([v]) => wholeNumber(v) },
  array_length: { arity: [1, 1], apply: ([v]) => (Array.isArray(v) ? v.length : null) },
};

/** Whole-term match, case-insensitive: the needle must not be glued to letters or digits on either side. */
function hasTerm(haystack: string, needle: string): boolean {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  if (n === '') return true;
  const alnum = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    if (!alnum(h[i - 1]) && !alnum(h[i + n.length])) return true;
  }
  return false;
}

const equal = (a: unknown, b: unknown): boolean => a !== null && a !== undefined && (a === b || (typeof a === 'object' && text(a) === text(b)));
const equalCaseless = (a: unknown, b: unknown): boolean => !isEmpty(a) && text(a).toLowerCase() === text(b).toLowerCase();

/** Ordering of two values (numbers numerically, the rest as text); nulls first. */
export function compare(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = text(a);
  const y = text(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const STRING_OPERATORS: Record<string, (h: string, n: string) => boolean> = {
  has: hasTerm,
  has_cs: (h, n) => hasTerm(h, n) && h.includes(n),
  contains: (h, n) => h.toLowerCase().includes(n.toLowerCase()),
  contains_cs: (h, n) => h.includes(n),
  startswith: (h, n) => h.toLowerCase().startsWith(n.toLowerCase()),
  startswith_cs: (h, n) => h.startsWith(n),
  endswith: (h, n) => h.toLowerCase().endsWith(n.toLowerCase()),
  endswith_cs: (h, n) => h.endsWith(n),
};

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  return { '+': a + b, '-': a - b, '*': a * b, '/': b === 0 ? null : a / b, '%': b === 0 ? null : a % b }[op];
}

function regex(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    throw new QueryError({ code: 'InvalidRegex', message: `The regular expression '${pattern}' is not valid.` });
  }
}

function binary(op: string, a: unknown, b: unknown): unknown {
  switch (op) {
    case 'and': return a === true && b === true;
    case 'or': return a === true || b === true;
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case '=~': return equalCaseless(a, b);
    case '!~': return !equalCaseless(a, b);
    case '<': return a !== null && a !== undefined && compare(a, b) < 0;
    case '>': return b !== null && b !== undefined && compare(a, b) > 0;
    case '<=': return a !== null && a !== undefined && compare(a, b) <= 0;
    case '>=': return b !== null && b !== undefined && compare(a, b) >= 0;
    case 'matches regex': return regex(text(b)).test(text(a));
    case '+': case '-': case '*': case '/': case '%': return arithmetic(op, a, b);
  }
  const negated = op.startsWith('!');
  const test = STRING_OPERATORS[negated ? op.slice(1) : op];
  return negated !== test(text(a), text(b));
}

function member(target: unknown, key: unknown): unknown {
  if (Array.isArray(target) && typeof key === 'number') return target[key < 0 ? target.length + key : key] ?? null;
  if (typeof target === 'object' && target !== null && !Array.isArray(target)) return (target as Row)[text(key)] ?? null;
  return null;
}

export function evaluate(expr: Expr, row: Row): unknown {
  switch (expr.kind) {
    case 'literal': return expr.value;
    case 'column': return row[expr.name] ?? null;
    case 'member': return member(evaluate(expr.target, row), expr.name);
    case 'index': return member(evaluate(expr.target, row), evaluate(expr.index, row));
    case 'negate': {
      const v = evaluate(expr.operand, row);
      return typeof v === 'number' ? -v : null;
    }
    case 'call': return FUNCTIONS[expr.name].apply(expr.args.map((a) => evaluate(a, row)));
    case 'binary': {
      const left = evaluate(expr.left, row);
      if (expr.op === 'and' && left !== true) return false;
      if (expr.op === 'or' && left === true) return true;
      return binary(expr.op, left, evaluate(expr.right, row));
    }
    case 'in': {
      const left = evaluate(expr.left, row);
      const caseless = expr.op.endsWith('~');
      const found = expr.list.some((item) => (caseless ? equalCaseless : equal)(left, evaluate(item, row)));
      return expr.op.startsWith('!') ? !found : found;
    }
  }
}

/** The column name Kusto gives an unnamed expression: `a.b['c']` → `a_b_c`, `f(x.y)` → `x_y`; undefined when it has none. */
export function derivedName(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'column': return expr.name;
    case 'member': {
      const target = derivedName(expr.target);
      return target === undefined ? undefined : `${target}_${expr.name}`;
    }
    case 'index': {
      const target = derivedName(expr.target);
      return target === undefined || expr.index.kind !== 'literal' ? undefined : `${target}_${text(expr.index.value)}`;
    }
    case 'call': return expr.args.length === 1 ? derivedName(expr.args[0]) : undefined;
    default: return undefined;
  }
}

/** Fails, as Graph does, on a column the input does not have or a function it does not know. */
export function bind(expr: Expr, columns: ReadonlySet<string>, operator: string): void {
  switch (expr.kind) {
    case 'column':
      if (!columns.has(expr.name)) {
        throw new QueryError({ code: 'FailedToResolveScalarExpression', message: `'${operator}' operator: Failed to resolve scalar expression named '${expr.name}'` });
      }
      return;
    case 'call': {
      const fn = FUNCTIONS[expr.name];
      if (!fn) throw new QueryError({ code: 'UnknownFunction', message: `Unknown function: '${expr.name}'.` });
      if (expr.args.length < fn.arity[0] || expr.args.length > fn.arity[1]) {
        throw new QueryError({ code: 'InvalidFunctionArguments', message: `Function '${expr.name}' expects ${fn.arity.join(' to ')} arguments, not ${expr.args.length}.` });
      }
      return expr.args.forEach((a) => bind(a, columns, operator));
    }
    case 'member': return bind(expr.target, columns, operator);
    case 'index': return bind(expr.target, columns, operator), bind(expr.index, columns, operator);
    case 'negate': return bind(expr.operand, columns, operator);
    case 'binary': return bind(expr.left, columns, operator), bind(expr.right, columns, operator);
    case 'in': return bind(expr.left, columns, operator), expr.list.forEach((e) => bind(e, columns, operator));
    case 'literal': return;
  }
}
