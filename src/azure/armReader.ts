// Lists read from Resource Manager without an SDK client per subscription: a GET through the same
// pipeline as every client (limiter, retries, token, keep-alive), JSON read once, nextLink followed.
// The tree reads every connection list of a fleet this way: a NetworkManagementClient costs about
// 127 KB per subscription, and the SDK's (de)serializer CPU on every answer.
import type * as pipelineSdk from '@azure/core-rest-pipeline';
import type { PipelineResponse } from '@azure/core-rest-pipeline';
import * as l10n from '@vscode/l10n';
import type { Connection, ResourceGroupRef } from './model';
import { connectionFromArm, type ArmResource } from './mapping';
import { resourceGroupId } from './resourceId';

/** The api-version @azure/arm-network 39 sends for connections (a unit test keeps the two the same). */
export const networkApiVersion = '2026-01-01';

export type SendGet = (subscriptionId: string, url: string) => Promise<PipelineResponse>;

interface ArmList {
  value?: ArmResource[];
  nextLink?: string;
  error?: { code?: string; message?: string };
}

export class ArmReader {
  /** Lists being read now, by group: gateways of one group asking together get one answer. */
  private readonly inFlight = new Map<string, Promise<Connection[]>>();

  constructor(
    private readonly endpoint: string,
    private readonly send: SendGet,
    private readonly restError: typeof pipelineSdk.RestError,
  ) {}

  /** Every connection of a resource group, live. */
  connectionsInGroup(group: ResourceGroupRef): Promise<Connection[]> {
    const key = resourceGroupId(group).toLowerCase();
    let list = this.inFlight.get(key);
    if (!list) {
      const url = `${this.endpoint}${resourceGroupId({ subscriptionId: group.subscriptionId, name: encodeURIComponent(group.name) })}/providers/Microsoft.Network/connections?api-version=${networkApiVersion}`;
      list = this.list(group.subscriptionId, url).then((items) => items.map(connectionFromArm));
      list.finally(() => this.inFlight.delete(key)).catch(() => undefined);
      this.inFlight.set(key, list);
    }
    return list;
  }

  private async list(subscriptionId: string, url: string): Promise<ArmResource[]> {
    const items: ArmResource[] = [];
    for (let next: string | undefined = url; next; ) {
      const response = await this.send(subscriptionId, next);
      const body = this.parse(response);
      items.push(...(body.value ?? []));
      next = body.nextLink;
    }
    return items;
  }

  /** The answer's JSON; an error answer becomes the RestError the SDK would have thrown. */
  private parse(response: PipelineResponse): ArmList {
    let body: ArmList = {};
    try {
      body = JSON.parse(response.bodyAsText ?? '{}') as ArmList;
    } catch {
      if (response.status < 400) throw new this.restError(l10n.t('Azure answered with something that is not JSON.'), { statusCode: response.status, response });
    }
    if (response.status >= 400) {
      throw new this.restError(body.error?.message ?? `HTTP ${response.status}`, { code: body.error?.code, statusCode: response.status, response });
    }
    return body;
  }
}
