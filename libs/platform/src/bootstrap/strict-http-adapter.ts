import { ExpressAdapter } from '@nestjs/platform-express';
import express from 'express';

/**
 * Express as CMP serves HTTP: routes match case-sensitively and a trailing slash is another
 * path, so `/API/v1/x` or `/x/` never reaches the handler of `/x` under a spelling its guards
 * were not written for. Express reads both settings once, when its router is made, which
 * Nest's adapter does on construction: so they are set on an instance made here first.
 */
export function strictHttpAdapter(): ExpressAdapter {
  const instance = express();
  instance.set('case sensitive routing', true);
  instance.set('strict routing', true);
  return new ExpressAdapter(instance);
}
