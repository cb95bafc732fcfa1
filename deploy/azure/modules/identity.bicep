// The user-assigned managed identity of the container app: it reads Key Vault secrets, pulls the
// image, and (with botAppType UserAssignedMSI) is the bot's own identity towards Teams.

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
