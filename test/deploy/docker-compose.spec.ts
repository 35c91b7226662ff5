import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// No Docker engine runs in CI, so docker-compose.yml is checked by reading it: every app is a
// service of the shared image, wired to Postgres, NATS and the collector, and gated on readiness.

const root = path.resolve(__dirname, '../..');
const read = (file: string) => parse(readFileSync(path.join(root, file), 'utf8'), { merge: true });

interface ComposeService {
  image?: string;
  build?: { context: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

const compose = read('docker-compose.yml') as { services: Record<string, ComposeService> };
const services = compose.services;
const apps = readdirSync(path.join(root, 'apps')).filter((name) =>
  existsSync(path.join(root, 'apps', name, 'project.json')),
);

describe('docker-compose.yml', () => {
  it('has the infrastructure: Postgres, NATS with JetStream, a collector, a trace UI, a migrate job', () => {
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.nats.command).toContain('-js');
    expect(services['otel-collector'].image).toMatch(/opentelemetry-collector/);
    expect(services.jaeger.image).toMatch(/jaeger/);
    expect(services.migrate.command?.join(' ')).toMatch(/migrate\.js.*seed\.js/);
  });

  it('lists all seven apps', () => {
    expect(apps.sort()).toEqual(
      [
        'api-gateway',
        'callback-scheduler',
        'campaign-manager',
        'dnc-registry',
        'predictive-pacing',
        'record-dispatcher',
        'telephony-sim',
      ].sort(),
    );
  });

  describe.each(apps)('service %s', (app) => {
    const service = services[app];

    it('runs its own app from the shared image', () => {
      expect(service).toBeDefined();
      expect(service.image).toBe(services.migrate.image);
      expect(service.environment?.APP).toBe(app);
      expect(existsSync(path.join(root, 'apps', app, 'src', 'main.ts'))).toBe(true);
    });

    it('is configured for the database, the bus and tracing', () => {
      const env = service.environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@postgres:5432\/ocs$/);
      expect(env.NATS_URL).toBe('nats://nats:4222');
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
      expect(env.OTEL_SERVICE_NAME).toBe(app);
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.PORT).toMatch(/^\d+$/);
    });

    it('starts only after Postgres and NATS are healthy and migrations have run', () => {
      expect(service.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        nats: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      });
    });

    it('is healthy only when /readyz answers', () => {
      expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
    });
  });

  it('publishes host ports without collisions', () => {
    const hostPorts = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('mounts a collector config that sends traces to Jaeger', () => {
    const mount = services['otel-collector'].volumes?.[0] ?? '';
    const configFile = mount.split(':')[0];
    const config = read(configFile);
    expect(config.service.pipelines.traces.receivers).toContain('otlp');
    const exporter = config.service.pipelines.traces.exporters[0];
    expect(config.exporters[exporter].endpoint).toMatch(/^jaeger:/);
  });
});

describe('Dockerfile', () => {
  it('starts the app named by APP from the build output', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toMatch(/node dist\/apps\/\$APP\/src\/main\.js/);
  });
});
