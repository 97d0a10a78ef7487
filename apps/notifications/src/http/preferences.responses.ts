import type { PersonPreferences } from '../application/contacts/preferences';

export function preferencesResponse(preferences: PersonPreferences) {
  return { personId: preferences.personId, nonEssential: preferences.nonEssential };
}
