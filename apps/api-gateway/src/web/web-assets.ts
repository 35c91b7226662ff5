import { dirname, join } from 'node:path';

/**
 * Where the gateway's browser files are: the build copies `apps/api-gateway/web` beside the
 * compiled gateway (dist/apps/api-gateway/web), so the folder is found from this file in either
 * place (source under Jest, dist when running).
 */
export function webRoot(): string {
  return join(__dirname, '..', '..', 'web');
}

/** The browser build of uPlot (the supervisor console's charts), served from its npm package. */
export function uplotDist(): string {
  return join(dirname(require.resolve('uplot/package.json')), 'dist');
}
