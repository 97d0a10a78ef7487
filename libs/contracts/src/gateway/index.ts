export * from './sign-in-link.events';
export * from './enrolment-attempt.events';
