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
