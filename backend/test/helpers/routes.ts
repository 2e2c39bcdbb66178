import type Koa from 'koa';

export interface RouteInfo {
  path: string;
  methods: string[];
}

/** Every route the app serves, read from the routers mounted on it (so new routes are covered). */
export function listRoutes(app: Koa): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const mw of app.middleware as Array<{ router?: { stack: Array<{ path: string | RegExp; methods: string[] }> } }>) {
    for (const layer of mw.router?.stack ?? []) {
      if (typeof layer.path === 'string' && layer.methods.length > 0) {
        routes.push({ path: layer.path, methods: layer.methods.filter((m) => m !== 'HEAD') });
      }
    }
  }
  return routes;
}
