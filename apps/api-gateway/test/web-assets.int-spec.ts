import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WebModule } from '../src/web/web.module';

describe('the gateway serves its browser files', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WebModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(() => app.close());

  it.each(['/workspace/', '/workspace', '/workspace/index.html'])(
    'serves the workspace page at %s',
    async (path) => {
      const response = await fetch(base + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    },
  );

  it("serves the pages' shared stylesheet", async () => {
    const response = await fetch(`${base}/shared/base.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('serves the chart library from its npm package under /vendor/uplot/', async () => {
    const response = await fetch(`${base}/vendor/uplot/uPlot.iife.min.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('uPlot');
  });

  it('answers 404 for files that do not exist, and serves nothing outside the web folders', async () => {
    expect((await fetch(`${base}/workspace/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/workspace/../../src/main.ts`)).status).toBe(404);
    expect((await fetch(`${base}/package.json`)).status).toBe(404);
  });
});
