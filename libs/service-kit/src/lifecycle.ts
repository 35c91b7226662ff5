import { Injectable } from '@nestjs/common';

/** Whether the process is still serving or has begun its graceful shutdown. */
@Injectable()
export class ServiceLifecycle {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beginShutdown(): void {
    this.stopping = true;
  }
}
