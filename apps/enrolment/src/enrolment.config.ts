import { ServiceConfig } from '@cmp/platform';

/** Enrolment needs nothing beyond the common service settings (port, database, brokers, logging). */
export class EnrolmentConfig extends ServiceConfig {}
