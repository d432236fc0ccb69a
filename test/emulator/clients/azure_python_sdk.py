"""A client the project did not write, at its own default api-versions: Microsoft's Python SDK as
Debian packages it (python3-azure), with its own credential and long-running-operation poller,
against the emulator. Lists, gets, reads / sets / resets a shared key, deletes a connection and
reads the cloud metadata; prints one JSON object of outcomes (names, lengths, digests), never a key.

  EMULATOR_INFO='<the emulator's first stdout line>' TARGET='{"subscriptionId": …, "resourceGroup": …,
  "gateway": …, "connection": …, "connectionToDelete": …}' NEW_KEY=… REQUESTS_CA_BUNDLE=<caFile> \\
  /usr/bin/python3 test/emulator/clients/azure_python_sdk.py
"""
import hashlib
import inspect
import json
import os
import sys
import time

from azure.core.exceptions import ResourceNotFoundError
from azure.identity import ClientSecretCredential
from azure.identity._internal.msal_credentials import MsalCredential
from azure.mgmt.network import NetworkManagementClient
from azure.mgmt.network.models import ConnectionResetSharedKey, ConnectionSharedKey
from azure.mgmt.resource import ResourceManagementClient, SubscriptionClient
from msrestazure.azure_cloud import get_cloud_from_metadata_endpoint

POLL_SECONDS = 0.1


def digest(key):
    """Lets the test compare keys without either side printing one."""
    return hashlib.sha256(key.encode('utf-8')).hexdigest()


def credential(info):
    """The emulator is its own authority: MSAL must not ask login.microsoftonline.com about it."""
    accepted = inspect.signature(MsalCredential.__init__).parameters
    discovery = {'disable_instance_discovery': True} if 'disable_instance_discovery' in accepted else {'instance_discovery': False}
    return ClientSecretCredential(info['tenantId'], info['clientId'], info['clientSecret'], authority=info['authorityHost'], **discovery)


def clients(info, subscription_id):
    options = {
        'base_url': info['resourceManagerEndpoint'],
        'credential_scopes': [info['resourceManagerAudience'].rstrip('/') + '/.default'],
        'polling_interval': POLL_SECONDS,
    }
    cred = credential(info)
    return (
        SubscriptionClient(cred, **options),
        ResourceManagementClient(cred, subscription_id, **options),
        NetworkManagementClient(cred, subscription_id, **options),
    )


def wait_until_succeeded(connections, group, name):
    """After a key change the connection stays Updating a while, and a write then gets 409."""
    while connections.get(group, name).provisioning_state != 'Succeeded':
        time.sleep(POLL_SECONDS)


def resource_manager(subscriptions, resources):
    network = resources.providers.get('Microsoft.Network')
    types = {t.resource_type.lower(): t.api_versions for t in network.resource_types}
    return {
        'subscriptions': [s.subscription_id for s in subscriptions.subscriptions.list()],
        'groups': [g.name for g in resources.resource_groups.list()],
        'connectionResources': [r.name for r in resources.resources.list(filter="resourceType eq 'Microsoft.Network/connections'")],
        'networkRegistration': network.registration_state,
        'connectionApiVersions': types.get('connections', []),
    }


def shared_keys(connections, target, new_key):
    group, name = target['resourceGroup'], target['connection']
    read = connections.get_shared_key(group, name).value
    connections.begin_set_shared_key(group, name, ConnectionSharedKey(value=new_key)).result()
    after_set = connections.get_shared_key(group, name).value
    wait_until_succeeded(connections, group, name)
    reset = connections.begin_reset_shared_key(group, name, ConnectionResetSharedKey(key_length=40)).result()
    after_reset = connections.get_shared_key(group, name).value
    return {
        'keyReadDigest': digest(read),
        'keyAfterSetMatches': after_set == new_key,
        'resetKeyLength': reset.key_length,
        'keyAfterResetDigest': digest(after_reset),
        'keyAfterResetLength': len(after_reset),
    }


def delete(connections, target):
    group, name = target['resourceGroup'], target['connectionToDelete']
    connections.begin_delete(group, name).result()
    try:
        connections.get(group, name)
        return {'deletedGone': False}
    except ResourceNotFoundError:
        return {'deletedGone': True}


def cloud(info):
    found = get_cloud_from_metadata_endpoint(info['resourceManagerEndpoint'], 'Emulator')
    return {'activeDirectory': found.endpoints.active_directory, 'activeDirectoryResourceId': found.endpoints.active_directory_resource_id}


def main():
    info = json.loads(os.environ['EMULATOR_INFO'])
    target = json.loads(os.environ['TARGET'])
    subscriptions, resources, network = clients(info, target['subscriptionId'])
    connections = network.virtual_network_gateway_connections
    gateway_connections = network.virtual_network_gateways.list_connections(target['resourceGroup'], target['gateway'])
    got = connections.get(target['resourceGroup'], target['connection'])
    result = {
        'defaultApiVersions': {
            'network': NetworkManagementClient.DEFAULT_API_VERSION,
            'resources': ResourceManagementClient.DEFAULT_API_VERSION,
            'subscriptions': SubscriptionClient.DEFAULT_API_VERSION,
        },
        'gatewayConnections': [c.name for c in gateway_connections],
        'connection': {'name': got.name, 'connectionType': got.connection_type, 'hasSharedKey': got.shared_key is not None},
        **resource_manager(subscriptions, resources),
        **shared_keys(connections, target, os.environ['NEW_KEY']),
        **delete(connections, target),
        'cloud': cloud(info),
    }
    json.dump(result, sys.stdout)


if __name__ == '__main__':
    main()
