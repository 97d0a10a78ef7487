import { callerName, isPartnerOf, isPerson, isSelf, isStaff, isSystem, parseCaller } from './actor';

const PERSON = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('the actor', () => {
  it('reads a signed-in caller and the anonymous one, and nothing else', () => {
    expect(parseCaller(`mentee:${PERSON}`)).toEqual({ role: 'mentee', id: PERSON });
    expect(parseCaller('anonymous')).toBe('anonymous');
    for (const bad of [undefined, '', 'root:1', 'admin', 'admin:', 'Admin:1', 'admin:1 ', 'admin:a/b', `mentee:${'x'.repeat(101)}`, 42]) {
      expect(parseCaller(bad)).toBeUndefined();
    }
  });

  it('names the caller as audit trails record it', () => {
    expect(callerName({ role: 'coordinator', id: '42' })).toBe('coordinator:42');
    expect(callerName('anonymous')).toBe('anonymous');
  });

  it('counts coordinators and admins as staff, and neither the system nor anyone anonymous', () => {
    expect(isStaff({ role: 'coordinator', id: '1' })).toBe(true);
    expect(isStaff({ role: 'admin', id: '1' })).toBe(true);
    expect(isStaff({ role: 'system', id: 'seed' })).toBe(false);
    expect(isStaff('anonymous')).toBe(false);
    expect(isSystem({ role: 'system', id: 'seed' })).toBe(true);
    expect(isPerson({ role: 'mentor', id: PERSON })).toBe(true);
    expect(isPerson({ role: 'partner', id: PERSON })).toBe(false);
  });

  it('knows a person by her own id only, whatever its case', () => {
    expect(isSelf({ role: 'mentee', id: PERSON }, PERSON.toUpperCase())).toBe(true);
    expect(isSelf({ role: 'coordinator', id: PERSON }, PERSON)).toBe(false);
    expect(isSelf('anonymous', PERSON)).toBe(false);
    expect(isPartnerOf({ role: 'partner', id: PERSON }, PERSON)).toBe(true);
    expect(isPartnerOf({ role: 'mentee', id: PERSON }, PERSON)).toBe(false);
  });
});
