export * from './cohort.events';
export * from './contact.record';
export * from './mentee.events';
export * from './mentor.events';
export * from './organisation.events';
export * from './privacy.events';
export * from './profile-facts';
export * from './referral.events';
