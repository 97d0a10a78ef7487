export * from './sign-in-link.events';
