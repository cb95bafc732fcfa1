// The support bot on Azure: an Azure Bot (Teams channel) in front of Azure Container Apps, with
// Azure Database for PostgreSQL flexible server and Key Vault for every secret. docs/azure.md
// explains each step and what to register by hand first; main.bicepparam is an example.
targetScope = 'resourceGroup'

@description('Azure region for everything but the Azure Bot (which is global). Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Prefix of every resource name (letters, digits and hyphens); e.g. "msp-supportbot". Key Vault and PostgreSQL names get a unique suffix, as they must be unique across Azure.')
@minLength(3)
@maxLength(16)
param namePrefix string

@description('How the bot proves who it is to Teams: "SingleTenant" (an Entra app registration with a client secret) or "UserAssignedMSI" (the managed identity this template creates; no secret at all).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) id of the Entra app registration. Ignored for UserAssignedMSI, where the managed identity\'s client id is used.')
param botAppId string = ''

@description('SingleTenant only: the app registration\'s client secret, stored in Key Vault as "microsoft-app-password". Leave empty for UserAssignedMSI.')
@secure()
param botAppPassword string = ''

@description('Entra tenant of the app registration or managed identity: the MSP\'s own tenant. Defaults to the tenant of this deployment.')
param botTenantId string = tenant().tenantId

@description('Name shown for the bot in Azure and in the Teams channel settings.')
param botDisplayName string = 'Office 365 support bot'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free anyway) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The container image to run, e.g. "myregistry.azurecr.io/supportbot:0.1.0" (built from the repository\'s Dockerfile).')
param containerImage string

@description('Registry server of a private image, e.g. "myregistry.azurecr.io"; the managed identity pulls from it (grant it AcrPull). Empty for a public image.')
param containerRegistryServer string = ''

@description('Bot replicas. Two or more keep the bot answering while one restarts; every replica shares the database and its timers.')
@minValue(1)
@maxValue(10)
param replicas int = 2

@description('The operator config file\'s content (YAML, see config/example.yaml), e.g. loadTextContent(\'operator.yaml\') in the parameter file. Stored in Key Vault and mounted at /config/operator.yaml.')
param operatorConfig string

@description('PostgreSQL administrator login name (not "postgres", "admin" or another reserved name).')
param postgresAdminLogin string = 'supportbot'

@description('PostgreSQL administrator password; it only ever lands in Key Vault, inside the "database-url" secret.')
@secure()
param postgresAdminPassword string

@description('PostgreSQL compute size, e.g. Standard_B1ms (Burstable tier) for a small MSP, Standard_D2ds_v5 (GeneralPurpose) for more.')
param postgresSkuName string = 'Standard_B1ms'

@description('The tier that postgresSkuName belongs to.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GB (32 is the smallest; it can grow later, not shrink).')
param postgresStorageGB int = 32

@description('Days of point-in-time backups PostgreSQL keeps (7 to 35); docs/operations.md explains the restore.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('Log level of the bot (DEBUG, INFO, WARNING, ERROR); logs go to Log Analytics as JSON lines.')
param logLevel string = 'INFO'

@description('The bot\'s public base URL, e.g. "https://bot.example.nl" when a custom domain is bound to the container app: calendar feeds and acknowledge links point at it. Empty: the container app\'s own https address.')
param publicUrl string = ''

@description('Out-of-band pages by e-mail (docs/paging.md): the SMTP relay\'s host name. Empty: no e-mail pages. With it or pageWebhookUrl set, ackLinkSecret is required.')
param smtpHost string = ''

@description('The SMTP relay\'s port; empty for the default of smtpSecurity (587 starttls, 465 tls, 25 none).')
param smtpPort string = ''

@description('How the SMTP connection is secured: "starttls" (required, not opportunistic), "tls" (implicit) or "none".')
@allowed([
  'starttls'
  'tls'
  'none'
])
param smtpSecurity string = 'starttls'

@description('SMTP login name; empty for a relay that needs no login (then smtpPassword is empty too).')
param smtpUsername string = ''

@description('SMTP password; stored in Key Vault as "smtp-password" only.')
@secure()
param smtpPassword string = ''

@description('The From address of page e-mails, e.g. "supportbot@example.nl"; required with smtpHost.')
param smtpFrom string = ''

@description('Out-of-band pages by SMS or voice: the gateway\'s https URL that receives signed JSON pages. Empty: none.')
param pageWebhookUrl string = ''

@description('The shared secret the gateway checks the pages\' signature with (32 characters or more); stored in Key Vault as "page-webhook-secret" only.')
@secure()
param pageWebhookSecret string = ''

@description('The secret that signs acknowledge links in out-of-band pages (32 characters or more, e.g. `openssl rand -hex 32`); stored in Key Vault as "ack-link-secret" only. Required with smtpHost or pageWebhookUrl.')
@secure()
param ackLinkSecret string = ''

@description('Tags put on every resource, e.g. { owner: \'ops@example.nl\' }.')
param tags object = {}

var suffix = uniqueString(resourceGroup().id, namePrefix)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${namePrefix}-id'
    location: location
    tags: tags
  }
}

module database 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${namePrefix}-pg-${suffix}'
    location: location
    tags: tags
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageGB: postgresStorageGB
    backupRetentionDays: postgresBackupRetentionDays
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${namePrefix}-kv-${suffix}', 24)
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    secrets: union(
      {
        'database-url': 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${database.outputs.host}:5432/${database.outputs.databaseName}?sslmode=require'
        'operator-config': operatorConfig
      },
      botAppType == 'SingleTenant' ? { 'microsoft-app-password': botAppPassword } : {},
      empty(smtpPassword) ? {} : { 'smtp-password': smtpPassword },
      empty(pageWebhookSecret) ? {} : { 'page-webhook-secret': pageWebhookSecret },
      empty(ackLinkSecret) ? {} : { 'ack-link-secret': ackLinkSecret }
    )
  }
}

module app 'modules/containerapp.bicep' = {
  name: 'containerapp'
  params: {
    name: '${namePrefix}-app'
    location: location
    tags: tags
    identityId: identity.outputs.id
    image: containerImage
    registryServer: containerRegistryServer
    replicas: replicas
    secretUris: vault.outputs.secretUris
    publicUrl: publicUrl
    environment: {
      MicrosoftAppType: botAppType
      MicrosoftAppId: botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : botAppId
      MicrosoftAppTenantId: botTenantId
      LOG_LEVEL: logLevel
      SMTP_HOST: smtpHost
      SMTP_PORT: smtpPort
      SMTP_SECURITY: smtpSecurity
      SMTP_USERNAME: smtpUsername
      SMTP_FROM: smtpFrom
      PAGE_WEBHOOK_URL: pageWebhookUrl
    }
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    displayName: botDisplayName
    sku: botSku
    tags: tags
    endpoint: 'https://${app.outputs.fqdn}/api/messages'
    appType: botAppType
    appId: botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : botAppId
    tenantId: botTenantId
    identityId: botAppType == 'UserAssignedMSI' ? identity.outputs.id : ''
  }
}

@description('Enter this as MicrosoftAppId when building the Teams app package (make teams-package).')
output botAppId string = botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : botAppId

@description('The messaging endpoint the Azure Bot posts to; BOT_DOMAIN for the Teams package is its host.')
output messagingEndpoint string = 'https://${app.outputs.fqdn}/api/messages'

@description('The bot\'s public base URL (PUBLIC_URL): calendar feeds and acknowledge links point at it.')
output publicUrl string = app.outputs.publicUrl

@description('Where the secrets live: rotate them here (docs/operations.md).')
output keyVaultName string = vault.outputs.name

@description('PostgreSQL server host name, for backups and maintenance.')
output postgresHost string = database.outputs.host
