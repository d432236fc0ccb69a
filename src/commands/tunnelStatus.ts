// What the tree shows of a tunnel that negotiates again (after Reset Connection).
import type { Connection } from '../azure/model';
import type { Services } from './services';

/** Hook for issue 11's tunnel watch (status until Connected); until it lands the connection is read once, showing Connecting. */
export function followTunnelStatus(services: Services, connection: Connection): Promise<void> {
  return services.tree.reloadConnection(connection.id);
}
