// The body of a Resource Graph query (QueryRequest in the swagger), checked as ARM checks bodies:
// a wrong type names the property path, a number out of the documented range says so.
import { ArmError, missingProperty, wrongType } from '../armErrors';
import { asObject, optional } from '../requestBody';

export type ResultFormat = 'objectArray' | 'table';

export interface FacetRequest {
  expression: string;
  sortBy?: string;
  sortOrder: 'asc' | 'desc';
  filter?: string;
  top: number;
}

export interface GraphQueryRequest {
  query: string;
  subscriptions?: string[];
  managementGroups?: string[];
  top?: number;
  skip?: number;
  skipToken?: string;
  resultFormat: ResultFormat;
  facets: FacetRequest[];
}

/** Graph's default number of facet rows. */
const FACET_TOP = 10;

function strings(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw wrongType(path, value, 'String[]');
  value.forEach((v, i) => {
    if (typeof v !== 'string') throw wrongType(`${path}[${i}]`, v, 'String');
  });
  return value as string[];
}

function whole(obj: Record<string, unknown>, key: string, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  optional(obj, key, path, 'integer');
  const value = obj[key] as number | undefined;
  if (value !== undefined && (value < min || value > max)) {
    throw new ArmError(400, 'InvalidRequestContent', `The value ${value} of '${path}' is out of range: it must be between ${min} and ${max}.`);
  }
  return value;
}

function oneOf<T extends string>(obj: Record<string, unknown>, key: string, path: string, allowed: readonly T[], fallback: T): T {
  optional(obj, key, path, 'string');
  const value = (obj[key] as T | undefined) ?? fallback;
  if (!allowed.includes(value)) throw new ArmError(400, 'InvalidRequestContent', `The value '${value}' of '${path}' is not one of ${allowed.join(', ')}.`);
  return value;
}

function facetRequest(value: unknown, path: string): FacetRequest {
  const facet = asObject(value, path, 'FacetRequest');
  if (facet.expression === undefined) throw missingProperty(`${path}.expression`);
  optional(facet, 'expression', `${path}.expression`, 'string');
  const options = facet.options === undefined ? {} : asObject(facet.options, `${path}.options`, 'FacetRequestOptions');
  optional(options, 'sortBy', `${path}.options.sortBy`, 'string');
  optional(options, 'filter', `${path}.options.filter`, 'string');
  return {
    expression: facet.expression as string,
    sortBy: options.sortBy as string | undefined,
    sortOrder: oneOf(options, 'sortOrder', `${path}.options.sortOrder`, ['asc', 'desc'] as const, 'desc'),
    filter: options.filter as string | undefined,
    top: whole(options, '$top', `${path}.options.$top`, 1, 1000) ?? FACET_TOP,
  };
}

export function readQueryRequest(body: unknown): GraphQueryRequest {
  const request = asObject(body, '', 'QueryRequest');
  if (request.query === undefined) throw missingProperty('query');
  optional(request, 'query', 'query', 'string');
  const options = request.options === undefined || request.options === null ? {} : asObject(request.options, 'options', 'QueryRequestOptions');
  optional(options, '$skipToken', 'options.$skipToken', 'string');
  optional(options, 'allowPartialScopes', 'options.allowPartialScopes', 'boolean');
  if (request.facets !== undefined && !Array.isArray(request.facets)) throw wrongType('facets', request.facets, 'FacetRequest[]');
  return {
    query: request.query as string,
    subscriptions: strings(request.subscriptions, 'subscriptions'),
    managementGroups: strings(request.managementGroups, 'managementGroups'),
    top: whole(options, '$top', 'options.$top', 1, 1000),
    skip: whole(options, '$skip', 'options.$skip', 0),
    skipToken: options.$skipToken as string | undefined,
    resultFormat: oneOf(options, 'resultFormat', 'options.resultFormat', ['objectArray', 'table'] as const, 'objectArray'),
    facets: ((request.facets as unknown[] | undefined) ?? []).map((f, i) => facetRequest(f, `facets[${i}]`)),
  };
}
