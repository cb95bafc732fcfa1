// An example: copy it, fill in your values, then
//   az deployment group create -g <resource group> -f deploy/azure/main.bicep -p deploy/azure/main.bicepparam
// Secrets are read from environment variables at deployment time, never written here.
using 'main.bicep'

param namePrefix = 'msp-supportbot'
param botAppType = 'UserAssignedMSI'
param containerImage = 'myregistry.azurecr.io/supportbot:0.1.0'
param containerRegistryServer = 'myregistry.azurecr.io'
param operatorConfig = loadTextContent('../../config/example.yaml')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')

// Optional: the public address once a custom domain is bound (default: the container app's own).
// param publicUrl = 'https://bot.example.nl'

// Optional: out-of-band pages (docs/paging.md). Secrets come from the environment, like the one above.
// param smtpHost = 'smtp.office365.com'
// param smtpUsername = 'supportbot@example.nl'
// param smtpFrom = 'supportbot@example.nl'
// param pageWebhookUrl = 'https://sms-gateway.example.nl/pages'
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param pageWebhookSecret = readEnvironmentVariable('PAGE_WEBHOOK_SECRET', '')
param ackLinkSecret = readEnvironmentVariable('ACK_LINK_SECRET', '')
