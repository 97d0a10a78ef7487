import { InvalidScheduleError } from './scheduling-error';
import { venueOf } from './session-venue';

describe('session venue', () => {
  it('needs a place in person and a link online', () => {
    expect(venueOf('in-person', 'Café Norden, Østergade 61')).toEqual({ mode: 'in-person', place: 'Café Norden, Østergade 61', link: null });
    expect(venueOf('online', undefined, 'https://meet.example/abc')).toEqual({ mode: 'online', place: null, link: 'https://meet.example/abc' });
    expect(() => venueOf('in-person')).toThrow(InvalidScheduleError);
    expect(() => venueOf('online', 'Café')).toThrow('needs a meeting link');
    expect(() => venueOf('online', 'Café', 'https://meet.example/abc')).toThrow('has no place');
  });
});
