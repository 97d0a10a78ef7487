import { partOf, requireSelfOrStaff, requireStaff } from './access-rules';
import { ForbiddenError } from './scheduling-error';

const pair = { menteeId: 'mentee-1', mentorId: 'mentor-1' };

describe('who may act on a mentorship', () => {
  it('gives the mentee and the mentor their part, and staff no part', () => {
    expect(partOf({ role: 'mentee', id: 'mentee-1' }, pair)).toBe('mentee');
    expect(partOf({ role: 'mentor', id: 'mentor-1' }, pair)).toBe('mentor');
    expect(partOf({ role: 'coordinator', id: '7' }, pair)).toBeNull();
    expect(partOf({ role: 'system', id: 'gateway' }, pair)).toBeNull();
  });

  it('refuses other people, a person in the wrong role, and partners', () => {
    expect(() => partOf({ role: 'mentee', id: 'mentee-2' }, pair)).toThrow(ForbiddenError);
    expect(() => partOf({ role: 'mentor', id: 'mentee-1' }, pair)).toThrow(ForbiddenError);
    expect(() => partOf({ role: 'partner', id: 'acme' }, pair)).toThrow(ForbiddenError);
  });

  it('keeps cohort-wide views for staff and feeds for their owner', () => {
    expect(() => requireStaff({ role: 'mentor', id: 'mentor-1' }, 'see the cohort')).toThrow('only coordinators can see the cohort');
    expect(() => requireStaff({ role: 'admin', id: '1' }, 'see the cohort')).not.toThrow();
    expect(() => requireSelfOrStaff({ role: 'mentee', id: 'mentee-1' }, 'mentee-1')).not.toThrow();
    expect(() => requireSelfOrStaff({ role: 'mentee', id: 'mentee-1' }, 'mentor-1')).toThrow(ForbiddenError);
  });
});
