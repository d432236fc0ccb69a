// Connections to Azure are kept open and used again, in VS Code too. VS Code's proxy support wraps
// every request of an extension in an agent of its own that does not keep connections alive, so Node
// sends "Connection: close" and Azure closes each connection after one answer: every request would
// pay a new TCP and TLS handshake (microsoft/vscode#173861). Saying "keep-alive" ourselves lets the
// agent underneath (ours on loopback, Node's global one elsewhere) keep the connection for the next.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export function keepAlivePolicy(): PipelinePolicy {
  return {
    name: 'azureVpnKeepAlive',
    sendRequest(request, next) {
      request.headers.set('Connection', 'keep-alive');
      return next(request);
    },
  };
}
