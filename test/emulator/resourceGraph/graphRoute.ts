// POST /providers/Microsoft.ResourceGraph/resources: the caller's quota, the subscriptions it may
// read among those it names (its token's tenant; a management group only as the tenant root
// group), the query run over rows of the world as Graph sees it (now, or graphLagMs ago), then
// paging: pages of at most 1000 rows (or $top), $skip, a $skipToken while rows remain — unless the
// query limits its own rows (take/limit/top) or has no `id` column, when resultTruncated says so.
import { createHash } from 'crypto';
import type { ArmHandler, ArmRequest } from '../arm';
import { ArmError } from '../armErrors';
import type { Backend } from '../backend';
import { errorReply, type Reply } from '../http';
import type { Caller } from '../identity';
import { lookupKey, type StoredSubscription } from '../world';
import { runQuery, type QueryResult, type Table, type TableSource } from './kqlOperators';
import { QueryError } from './kqlSyntax';
import { invalidQuery, invalidSkipToken, noValidSubscriptions, rateLimited } from './graphErrors';
import { facets } from './graphFacets';
import { formatTable } from './graphFormat';
import { readQueryRequest, type GraphQueryRequest } from './graphRequest';
import { GRAPH_COLUMNS, liveRows, type GraphTable } from './graphTables';

const PAGE_SIZE = 1000;

export const isResourceGraphPath = (segments: string[]): boolean =>
  segments.length === 3 && segments.map((s) => s.toLowerCase()).join('/') === 'providers/microsoft.resourcegraph/resources';

/** The subscriptions of the request the caller may read, in the world's order; none named means all of its tenant. */
function scope(b: Backend, caller: Caller, request: GraphQueryRequest): StoredSubscription[] {
  const readable = [...b.world.subscriptions.values()].filter((s) => lookupKey(s.tenantId) === lookupKey(caller.tenantId));
  const named = request.subscriptions ?? [];
  const groups = request.managementGroups ?? [];
  if (named.length === 0 && groups.length === 0) return readable;
  const wanted = new Set(named.map(lookupKey));
  const wholeTenant = groups.some((g) => lookupKey(g) === lookupKey(caller.tenantId)); // the tenant root group
  return readable.filter((s) => wholeTenant || wanted.has(lookupKey(s.subscriptionId)));
}

/** Rows as Graph shows them now, or as its history had them graphLagMs ago; each table made once, when first read. */
function tables(b: Backend, subscriptions: StoredSubscription[], now: number): TableSource {
  const made = new Map<string, Table>();
  return (table) => {
    let built = made.get(table);
    if (!built) {
      const name = table as GraphTable;
      const rows = b.config.graphLagMs > 0
        ? b.graph.history.rowsAt(now - b.config.graphLagMs, subscriptions, name)
        : liveRows(b, subscriptions, name, now);
      built = { columns: GRAPH_COLUMNS, rows };
      made.set(table, built);
    }
    return built;
  };
}

interface SkipToken {
  offset: number;
  pageSize: number;
  /** The query and scope it continues. */
  of: string;
}

function encodeToken(token: SkipToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

function decodeToken(text: string, of: string): SkipToken | undefined {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as SkipToken;
    return token.of === of && Number.isInteger(token.offset) && Number.isInteger(token.pageSize) ? token : undefined;
  } catch {
    return undefined;
  }
}

function page(result: QueryResult, request: GraphQueryRequest, of: string): { rows: Table['rows']; skipToken?: string; truncated: boolean } | undefined {
  let offset = 0;
  let pageSize = request.top ?? PAGE_SIZE;
  if (request.skipToken !== undefined) {
    const token = decodeToken(request.skipToken, of);
    if (!token) return undefined;
    offset = token.offset;
    pageSize = request.top ?? token.pageSize;
  }
  offset = request.skip ?? offset;
  const end = offset + pageSize;
  const more = end < result.rows.length;
  const pageable = !result.limited && result.columns.includes('id');
  return {
    rows: result.rows.slice(offset, end),
    truncated: more && !pageable,
    ...(more && pageable ? { skipToken: encodeToken({ offset: end, pageSize, of }) } : {}),
  };
}

function answer(req: ArmRequest, b: Backend): Reply {
  const request = readQueryRequest(req.body);
  const subscriptions = scope(b, req.caller, request);
  if (subscriptions.length === 0) return noValidSubscriptions([...(request.subscriptions ?? []), ...(request.managementGroups ?? [])]);
  const result = runQuery(request.query, tables(b, subscriptions, req.now));
  const of = createHash('sha256').update(JSON.stringify([request.query, subscriptions.map((s) => lookupKey(s.subscriptionId))])).digest('hex').slice(0, 16);
  const shown = page(result, request, of);
  if (!shown) return invalidSkipToken();
  return {
    status: 200,
    body: {
      totalRecords: result.rows.length,
      count: shown.rows.length,
      resultTruncated: String(shown.truncated),
      ...(shown.skipToken ? { $skipToken: shown.skipToken } : {}),
      data: formatTable({ columns: result.columns, rows: shown.rows }, request.resultFormat),
      facets: facets(request.facets, result, request.resultFormat),
    },
  };
}

export const queryResources: ArmHandler = (req, b) => {
  const quota = b.graph.quota.take(b.config.graphQuota, req.caller.principal.clientId, req.now);
  let reply: Reply;
  try {
    reply = quota.retryAfterSeconds !== undefined ? rateLimited(quota.retryAfterSeconds) : answer(req, b);
  } catch (error) {
    if (error instanceof QueryError) reply = invalidQuery(error.detail);
    else if (error instanceof ArmError) reply = errorReply(error);
    else throw error;
  }
  return { ...reply, headers: { ...quota.headers, ...reply.headers } };
};
