import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ServiceLifecycle } from './lifecycle';
import { type ReadinessReport, ReadinessProbe } from './readiness';

/** Probes for orchestrators: liveness (`/healthz`) and readiness to take traffic (`/readyz`). */
@Controller()
export class HealthController {
  constructor(
    @Inject(ServiceLifecycle) private readonly lifecycle: ServiceLifecycle,
    @Inject(ReadinessProbe) private readonly probe: ReadinessProbe,
  ) {}

  @Get('healthz')
  live(): { status: 'ok' } {
    if (this.lifecycle.shuttingDown) throw new ServiceUnavailableException({ status: 'shutting-down' });
    return { status: 'ok' };
  }

  @Get('readyz')
  async ready(): Promise<ReadinessReport> {
    const report = await this.probe.check();
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}
