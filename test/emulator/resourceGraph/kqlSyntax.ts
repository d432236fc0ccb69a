// The shapes of a parsed Resource Graph query (a subset of the Kusto Query Language) and the
// error a query fails with: the parser, the binder and the evaluator all throw QueryError, which the
// route turns into Resource Graph's 400 (InvalidQuery plus one detail).

export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'column'; name: string; at: number }
  | { kind: 'member'; target: Expr; name: string }
  | { kind: 'index'; target: Expr; index: Expr }
  | { kind: 'call'; name: string; args: Expr[]; at: number }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'in'; op: string; left: Expr; list: Expr[] }
  | { kind: 'negate'; operand: Expr };

/** `name = expr`, or a bare expression whose column name Kusto derives. */
export interface Assignment {
  name?: string;
  expr: Expr;
}

export interface SortKey {
  expr: Expr;
  descending: boolean;
}

export interface Aggregate {
  name?: string;
  fn: string;
  args: Expr[];
  at: number;
}

export type JoinKind = 'innerunique' | 'inner' | 'leftouter';

export type Operator =
  | { op: 'where'; predicate: Expr }
  | { op: 'project'; items: Assignment[] }
  | { op: 'project-away'; names: string[]; at: number }
  | { op: 'extend'; items: Assignment[] }
  | { op: 'summarize'; aggregates: Aggregate[]; by: Assignment[] }
  | { op: 'count' }
  | { op: 'distinct'; items: Assignment[] }
  | { op: 'sort'; keys: SortKey[] }
  | { op: 'take'; count: number }
  | { op: 'top'; count: number; key: SortKey }
  | { op: 'join'; kind: JoinKind; right: Pipeline; on: Array<{ left: string; right: string }>; at: number }
  | { op: 'mv-expand'; item: Assignment };

export interface Pipeline {
  /** Lower-cased table name; a query that starts with an operator reads `resources`. */
  table: string;
  tableAt: number;
  operators: Operator[];
}

/** One detail of Resource Graph's InvalidQuery answer, e.g. ParserFailure with its place. */
export interface QueryErrorDetail {
  code: string;
  message: string;
  [extra: string]: unknown;
}

export class QueryError extends Error {
  constructor(readonly detail: QueryErrorDetail) {
    super(detail.message);
    this.name = 'QueryError';
  }
}

/** Line (from 1) and character position in that line (from 0) of an offset, as Graph reports them. */
export function placeOf(text: string, offset: number): { line: number; characterPositionInLine: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, characterPositionInLine: offset - (before.lastIndexOf('\n') + 1) };
}
