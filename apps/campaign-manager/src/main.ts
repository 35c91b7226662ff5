import { serviceVersion, startTelemetry } from '@ocs/observability';

const SERVICE = 'campaign-manager';

// Telemetry patches http and pg as they are loaded, so it starts before the rest of the service is
// imported (dynamically, hence the .js of the built file).
startTelemetry({ serviceName: SERVICE, serviceVersion: serviceVersion() });

void import('./bootstrap.js').then(({ bootstrap }) => bootstrap(SERVICE));
