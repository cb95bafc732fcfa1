// Key Vault with RBAC: the bot's identity may read secrets, nothing else. Secrets are referenced by
// their versionless URI, so a new version (rotation) reaches the app without a redeployment.

@description('Key Vault name (3-24 characters, unique across Azure).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Object id of the principal (the app\'s managed identity) that reads the secrets.')
param readerPrincipalId string

@description('Secret name to value; the values come from secure parameters of main.bicep.')
@secure()
param secrets object

// Built-in role "Key Vault Secrets User": read secret values only.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [for item in items(secrets): {
  parent: vault
  name: item.key
  properties: {
    value: item.value
    contentType: item.key == 'operator-config' ? 'application/yaml' : 'text/plain'
  }
}]

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Versionless URIs by secret name. A consumer of these outputs waits for this whole module,
// so the role assignment exists before the app reads a secret (it may take minutes to apply).
output secretUris object = toObject(range(0, length(items(secrets))), i => items(secrets)[i].key, i => secret[i].properties.secretUri)
