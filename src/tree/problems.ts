// Show Only Problems: the tree narrowed to connections that are not Connected and the levels that
// lead to them. What is known to hold no problem is hidden; what is not known yet stays (in the
// Resource Manager walk, a level not read yet). Statuses are live for gateways opened, Resource
// Graph's elsewhere.
import * as l10n from '@vscode/l10n';
import { parseResourceId, resourceGroupId, subscriptionResourceId } from '../azure/resourceId';
import type { FleetDiscovery } from '../services/fleetDiscovery';
import { ConnectionNode } from './connectionNode';
import { graphCoversFleet, isLevel, knownConnections, type KnownConnection } from './fleetConnections';
import { ErrorNode, MessageNode } from './messageNodes';
import type { ParentNode, TreeNode } from './treeNode';

type Verdict = 'problem' | 'clean' | 'unknown';

export function isProblem(connection: { status: string }): boolean {
  return connection.status !== 'Connected';
}

/** The subscriptions, groups and gateways that lead to a problem, by lower-case tree id. */
function placesOf(problems: KnownConnection[]): Set<string> {
  const places = new Set<string>();
  for (const problem of problems) {
    const gateway = parseResourceId(problem.gatewayId);
    places.add(problem.gatewayId.toLowerCase());
    places.add(resourceGroupId({ subscriptionId: gateway.subscriptionId, name: gateway.resourceGroup }).toLowerCase());
    places.add(subscriptionResourceId(gateway.subscriptionId).toLowerCase());
  }
  return places;
}


export class ProblemFilter {
  on = false;

  constructor(
    private readonly fleet: FleetDiscovery,
    private readonly loadedNodes: () => Iterable<TreeNode>,
  ) {}

  /** Connections not Connected, each once. */
  problems(): KnownConnection[] {
    return knownConnections(this.fleet, this.loadedNodes()).filter(isProblem);
  }

  /** The children to show under `parent` (undefined: the root); messages and errors always show. */
  filter(parent: TreeNode | undefined, children: TreeNode[]): TreeNode[] {
    if (!this.on) return children;
    const places = placesOf(this.problems());
    const coveredByGraph = graphCoversFleet(this.fleet);
    const shown = children.filter((child) => !(isLevel(child) || child instanceof ConnectionNode) || this.verdict(child, places, coveredByGraph) !== 'clean');
    return shown.length || !children.length ? shown : [new MessageNode(parent, l10n.t('No connections with problems here'), { key: 'noProblems' })];
  }

  private verdict(node: TreeNode, places: Set<string>, coveredByGraph: boolean): Verdict {
    if (node instanceof ConnectionNode) return isProblem(node.connection) ? 'problem' : 'clean';
    if (node instanceof ErrorNode) return 'unknown';
    if (!isLevel(node)) return 'clean';
    if (places.has(node.id.toLowerCase())) return 'problem';
    if (coveredByGraph) return 'clean';
    const children = (node as ParentNode).knownChildren();
    if (!children.length) return 'unknown';
    return children.some((child) => this.verdict(child, places, coveredByGraph) === 'unknown') ? 'unknown' : 'clean';
  }
}
