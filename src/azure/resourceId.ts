// Reads the parts of an ARM resource id: /subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}

export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export function parseResourceId(id: string): ResourceIdParts {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)/i.exec(id);
  if (!match) {
    throw new Error(`Not an Azure resource id: ${id}`);
  }
  return { subscriptionId: match[1], resourceGroup: decodeURIComponent(match[2]), name: decodeURIComponent(match[3]) };
}

/** The last segment of a resource id (the resource's name), or undefined. */
export function nameFromId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const last = id.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : undefined;
}

export function sameResourceId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
