// The Azure Bot registration: who the bot is (app id and type), where Teams posts activities
// (the messaging endpoint), and the Microsoft Teams channel.

@description('Azure Bot resource name (unique across Azure).')
param name string

@description('Display name.')
param displayName string

@description('Pricing tier, F0 or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Tags for the resource.')
param tags object

@description('Messaging endpoint: https://<host>/api/messages.')
param endpoint string

@description('SingleTenant or UserAssignedMSI.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string

@description('The app id: the app registration\'s client id, or the managed identity\'s client id.')
param appId string

@description('Tenant of the app registration or managed identity.')
param tenantId string

@description('UserAssignedMSI only: resource id of the managed identity; empty otherwise.')
param identityId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: empty(identityId) ? null : identityId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}
