import { stopContainers } from './containers';
import { stopLocalBroker } from './test-infrastructure';

/** Stops what the set-up started; a broker someone else runs is left alone. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.CMP_TEST_INFRA_MODE === 'local' && process.env.CMP_TEST_KEEP_BROKER !== 'true') {
    await stopLocalBroker();
  }
  if (process.env.CMP_TEST_INFRA_MODE === 'containers') {
    await stopContainers();
  }
}
