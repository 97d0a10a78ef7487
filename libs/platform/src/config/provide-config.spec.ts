import { Test } from '@nestjs/testing';
import { ConfigurationError } from './configuration.error';
import { provideConfig } from './provide-config';
import { ServiceConfig } from './service.config';

describe('provideConfig', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  it('injects the loaded config under its class', async () => {
    process.env['DATABASE_URL'] = 'postgres://localhost:5432/cmp';
    process.env['PORT'] = '4100';

    const moduleRef = await Test.createTestingModule({ providers: [provideConfig(ServiceConfig)] }).compile();

    expect(moduleRef.get(ServiceConfig).PORT).toBe(4100);
  });

  it('stops the application from being built when a variable is wrong', async () => {
    delete process.env['DATABASE_URL'];

    await expect(Test.createTestingModule({ providers: [provideConfig(ServiceConfig)] }).compile()).rejects.toThrow(
      ConfigurationError,
    );
  });
});
