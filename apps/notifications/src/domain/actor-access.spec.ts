import { NotificationsError } from './notifications-error';
import { inboxOwnerOf, requirePartner, requirePerson, requireStaff } from './actor-access';

const A = '3b241101-e2bb-4255-8caf-4136c566a962';
const B = '9a7b330a-a736-4d16-9ef5-6e62b4b1d7a1';
const status = (action: () => unknown) => {
  try {
    action();
    return 'allowed';
  } catch (error) {
    return (error as NotificationsError).status;
  }
};

describe('actor ownership', () => {
  it('gives each actor its own inbox', () => {
    expect(inboxOwnerOf({ role: 'mentee', id: A })).toBe(`person:${A}`);
    expect(inboxOwnerOf({ role: 'mentor', id: B.toUpperCase() })).toBe(`person:${B}`);
    expect(inboxOwnerOf({ role: 'partner', id: A })).toBe(`partner:${A}`);
    expect(inboxOwnerOf({ role: 'coordinator', id: '42' })).toBe('coordinators');
    expect(status(() => inboxOwnerOf({ role: 'system', id: 'relay' }))).toBe(403);
    expect(status(() => inboxOwnerOf({ role: 'mentee', id: 'not-a-uuid' }))).toBe(403);
  });

  it('lets only the person change their preferences', () => {
    expect(status(() => requirePerson({ role: 'mentee', id: A }, A))).toBe('allowed');
    expect(status(() => requirePerson({ role: 'mentee', id: B }, A))).toBe(403);
    expect(status(() => requirePerson({ role: 'coordinator', id: A }, A))).toBe(403);
  });

  it("keeps a partner to its own organisation's subscriptions", () => {
    expect(status(() => requirePartner({ role: 'partner', id: A }, A))).toBe('allowed');
    expect(status(() => requirePartner({ role: 'partner', id: B }, A))).toBe(403);
    expect(status(() => requirePartner({ role: 'mentee', id: A }, A))).toBe(403);
    expect(status(() => requirePartner({ role: 'admin', id: '1' }, A))).toBe('allowed');
  });

  it('shows delivery logs to coordinators and admins only', () => {
    expect(status(() => requireStaff({ role: 'coordinator', id: '1' }))).toBe('allowed');
    expect(status(() => requireStaff({ role: 'partner', id: A }))).toBe(403);
    expect(status(() => requireStaff({ role: 'system', id: 'seed' }))).toBe(403);
  });
});
