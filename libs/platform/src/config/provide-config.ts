import type { FactoryProvider } from '@nestjs/common';
import { loadConfig } from './load-config';

/**
 * A provider for a config class, injectable by the class itself. The environment is read
 * when Nest instantiates the provider, so a bad variable stops `NestFactory.create`, not
 * the import of a module file.
 */
export function provideConfig<T extends object>(cls: new () => T): FactoryProvider<T> {
  return { provide: cls, useFactory: () => loadConfig(cls) };
}
