// Scalar expressions of the query language, by precedence: or < and < comparisons and string/set
// operators < + - < * / % < unary minus < member access (a.b, a['b'], a[0]) and calls < literals,
// columns and parentheses. Anything else is a ParserFailure at the token where it went wrong.
import { parserFailure, tokenize, type Token } from './kqlLexer';
import type { Assignment, Expr } from './kqlSyntax';

/** Comparison, string and regex operators (all of one precedence, as in Kusto). */
const COMPARISONS = new Set([
  '==', '!=', '<>', '=~', '!~', '<', '>', '<=', '>=',
  'has', '!has', 'has_cs', '!has_cs', 'contains', '!contains', 'contains_cs', '!contains_cs',
  'startswith', '!startswith', 'startswith_cs', '!startswith_cs', 'endswith', '!endswith', 'endswith_cs', '!endswith_cs',
]);
const SET_OPERATORS = new Set(['in', 'in~', '!in', '!in~']);
/** Keywords that cannot name a column (`where where` fails at its end, as in Graph). */
const RESERVED = new Set(['where', 'project', 'extend', 'summarize', 'by', 'and', 'or', 'on', 'join', 'order', 'sort', 'take', 'limit', 'top', 'distinct', 'asc', 'desc']);

export class Cursor {
  private position = 0;
  readonly tokens: Token[];

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.position++;
    return token;
  }

  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'word' && t.text === word;
  }

  isSymbol(symbol: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'symbol' && t.text === symbol;
  }

  /** Consumes the word or symbol if it is next. */
  accept(text: string): boolean {
    const t = this.peek();
    if ((t.type === 'word' || t.type === 'symbol') && t.text === text) {
      this.next();
      return true;
    }
    return false;
  }

  expect(text: string): Token {
    const t = this.peek();
    if (!this.accept(text)) throw this.failure(t);
    return t;
  }

  name(): Token {
    const t = this.peek();
    if (t.type !== 'word') throw this.failure(t);
    return this.next();
  }

  wholeNumber(): number {
    const t = this.peek();
    if (t.type !== 'number' || t.text.includes('.')) throw this.failure(t);
    this.next();
    return Number(t.text);
  }

  failure(token = this.peek()) {
    return parserFailure(this.text, token);
  }
}

function binaryLevel(c: Cursor, operators: (t: Token) => boolean, operand: (c: Cursor) => Expr): Expr {
  let left = operand(c);
  while (operators(c.peek())) {
    const op = c.next().text;
    left = { kind: 'binary', op, left, right: operand(c) };
  }
  return left;
}

export function expression(c: Cursor): Expr {
  return binaryLevel(c, (t) => t.type === 'word' && t.text === 'or', andLevel);
}

function andLevel(c: Cursor): Expr {
  return binaryLevel(c, (t) => t.type === 'word' && t.text === 'and', comparison);
}

function comparison(c: Cursor): Expr {
  const left = additive(c);
  const t = c.peek();
  if ((t.type === 'symbol' || t.type === 'word') && COMPARISONS.has(t.text)) {
    c.next();
    return { kind: 'binary', op: t.text === '<>' ? '!=' : t.text, left, right: additive(c) };
  }
  if (t.type === 'word' && SET_OPERATORS.has(t.text)) {
    c.next();
    c.expect('(');
    const list = [expression(c)];
    while (c.accept(',')) list.push(expression(c));
    c.expect(')');
    return { kind: 'in', op: t.text, left, list };
  }
  if (t.type === 'word' && t.text === 'matches') {
    c.next();
    c.expect('regex');
    return { kind: 'binary', op: 'matches regex', left, right: additive(c) };
  }
  return left;
}

function additive(c: Cursor): Expr {
  return binaryLevel(c, (t) => t.type === 'symbol' && (t.text === '+' || t.text === '-'), multiplicative);
}

function multiplicative(c: Cursor): Expr {
  return binaryLevel(c, (t) => t.type === 'symbol' && ['*', '/', '%'].includes(t.text), unary);
}

function unary(c: Cursor): Expr {
  if (c.accept('-')) return { kind: 'negate', operand: unary(c) };
  return postfix(c, primary(c));
}

function postfix(c: Cursor, target: Expr): Expr {
  for (;;) {
    if (c.accept('.')) {
      target = { kind: 'member', target, name: c.name().text };
    } else if (c.accept('[')) {
      const index = expression(c);
      c.expect(']');
      target = { kind: 'index', target, index };
    } else {
      return target;
    }
  }
}

function primary(c: Cursor): Expr {
  const t = c.peek();
  if (t.type === 'string') return c.next(), { kind: 'literal', value: t.text };
  if (t.type === 'number') return c.next(), { kind: 'literal', value: Number(t.text) };
  if (c.accept('(')) {
    const inner = expression(c);
    c.expect(')');
    return inner;
  }
  if (t.type !== 'word' || (RESERVED.has(t.text) && !c.isSymbol('(', 1))) throw c.failure(t);
  c.next();
  if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
  if (!c.isSymbol('(')) return { kind: 'column', name: t.text, at: t.at };
  c.next();
  const args: Expr[] = [];
  if (!c.isSymbol(')')) {
    args.push(expression(c));
    while (c.accept(',')) args.push(expression(c));
  }
  c.expect(')');
  return { kind: 'call', name: t.text, args, at: t.at };
}

/** `name = expr` or an expression. */
export function assignment(c: Cursor): Assignment {
  if (c.peek().type === 'word' && c.isSymbol('=', 1)) {
    const name = c.next().text;
    c.next();
    return { name, expr: expression(c) };
  }
  return { expr: expression(c) };
}

export function commaList<T>(c: Cursor, item: (c: Cursor) => T): T[] {
  const items = [item(c)];
  while (c.accept(',')) items.push(item(c));
  return items;
}
