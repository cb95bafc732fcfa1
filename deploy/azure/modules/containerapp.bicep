// Azure Container Apps: the environment (logs to Log Analytics) and the bot's app. HTTPS ingress on
// the bot's port (Azure terminates TLS), Prometheus metrics on an internal-only port, secrets from
// Key Vault, the operator config mounted as a file, and the probes the image's routes answer.
// The ingress passes every path of the bot's port: /api/messages, /ack/* and /calendar/* are meant
// to be public; /healthz and /readyz answer a status only; metrics are on the internal port alone.

@description('Name of the container app; the environment and workspace are named after it.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Container image.')
param image string

@description('Private registry server, or empty for a public image.')
param registryServer string

@description('Number of replicas, fixed (the bot scales by replicas sharing the database).')
param replicas int

@description('Key Vault secret URIs by name: database-url, operator-config and those of secretVariables that were given.')
param secretUris object

@description('Plain (non-secret) environment variables of the bot; empty values are left out (unset).')
param environment object

@description('PUBLIC_URL, the bot\'s public base URL; empty for the app\'s own https address.')
param publicUrl string

var appPort = 3978
var metricsPort = 9464
// Environment variable to Key Vault secret; a variable is set only when its secret was stored.
var secretVariables = {
  DATABASE_URL: 'database-url'
  MicrosoftAppPassword: 'microsoft-app-password'
  SMTP_PASSWORD: 'smtp-password'
  PAGE_WEBHOOK_SECRET: 'page-webhook-secret'
  ACK_LINK_SECRET: 'ack-link-secret'
}
var secretEnv = filter(items(secretVariables), variable => contains(secretUris, variable.value))
var plainEnv = filter(items(environment), variable => !empty(variable.value))
var ownUrl = 'https://${name}.${managedEnvironment.properties.defaultDomain}'

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: '${name}-env'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: managedEnvironment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: appPort
        transport: 'auto'
        allowInsecure: false
        additionalPortMappings: [
          {
            external: false
            targetPort: metricsPort
            exposedPort: metricsPort
          }
        ]
      }
      secrets: [for secret in items(secretUris): {
        name: secret.key
        keyVaultUrl: secret.value
        identity: identityId
      }]
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      // Time to finish a stop while the database does not answer (see deploy/compose.yaml).
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'bot'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            map(plainEnv, variable => { name: variable.key, value: variable.value }),
            map(secretEnv, variable => { name: variable.key, secretRef: variable.value }),
            [
              { name: 'SUPPORTBOT_CONFIG', value: '/config/operator.yaml' }
              { name: 'METRICS_PORT', value: string(metricsPort) }
              { name: 'PORT', value: string(appPort) }
              { name: 'PUBLIC_URL', value: empty(publicUrl) ? ownUrl : publicUrl }
            ]
          )
          volumeMounts: [
            {
              volumeName: 'config'
              mountPath: '/config'
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: appPort
              }
              periodSeconds: 5
              failureThreshold: 36
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: appPort
              }
              periodSeconds: 30
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: appPort
              }
              periodSeconds: 10
            }
          ]
        }
      ]
      scale: {
        minReplicas: replicas
        maxReplicas: replicas
      }
      volumes: [
        {
          name: 'config'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'operator-config'
              path: 'operator.yaml'
            }
          ]
        }
      ]
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
output publicUrl string = empty(publicUrl) ? ownUrl : publicUrl
