import { SessionTheme } from '@cmp/contracts';

/** Titles of the Danish job-search playbook's themes, as the calendar and the pair see them. */
export const THEME_TITLES: Record<SessionTheme, string> = {
  'kick-off': 'Kick-off: goals, expectations and how you will work together',
  'cv-and-linkedin': 'CV and LinkedIn to Danish expectations',
  'labour-market-and-strategy': 'The Danish labour market and your job-search strategy',
  applications: 'Unsolicited and targeted applications',
  'interview-training': 'Interview training, including the unwritten rules of Danish interviews',
  networking: 'Networking and introductions',
  'mid-term-review': 'Mid-term review',
  'closing-and-next-steps': 'Closing and next steps',
};

/** The playbook's working themes, in the order a job search needs them. */
const WORKING_THEMES: readonly SessionTheme[] = ['cv-and-linkedin', 'labour-market-and-strategy', 'applications', 'interview-training', 'networking'];
/** A rhythm with more sessions than themes repeats what benefits most from practice. */
const REPEATED_THEMES: readonly SessionTheme[] = ['interview-training', 'networking', 'applications'];

/**
 * Themes for `count` sessions: the kick-off first, closing last, the mid-term review at the
 * middle, and the working themes in playbook order in between.
 */
export function playbookThemes(count: number): SessionTheme[] {
  if (count <= 0) return [];
  if (count === 1) return ['kick-off'];
  const themes: SessionTheme[] = new Array(count);
  themes[0] = 'kick-off';
  themes[count - 1] = 'closing-and-next-steps';
  if (count >= 3) themes[Math.round((count - 1) / 2)] = 'mid-term-review';
  let next = 0;
  for (let index = 1; index < count - 1; index++) {
    if (themes[index]) continue;
    themes[index] = next < WORKING_THEMES.length ? WORKING_THEMES[next] : REPEATED_THEMES[(next - WORKING_THEMES.length) % REPEATED_THEMES.length];
    next++;
  }
  return themes;
}
