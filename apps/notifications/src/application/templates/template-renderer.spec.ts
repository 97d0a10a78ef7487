import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, TEMPLATE_KEYS } from '../../domain/message';
import { messagesFor, RULE_BOOK } from '../../domain/rule-book';
import { TEMPLATE_CATALOGUE } from './template-catalogue';
import { TemplateRenderer } from './template-renderer';

const FIXTURES = join(__dirname, '../../../../../libs/contracts/src/fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ type: file.replace(/\.json$/, ''), data: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) }));

const context = { recipient: { firstName: 'Ana' }, peer: { firstName: 'Jens', email: 'jens@example.dk' } };
const renderer = new TemplateRenderer();

describe('templates', () => {
  it('has a rule for every event that should send a message, each with a fixture', () => {
    expect(Object.keys(RULE_BOOK).filter((type) => !fixtures.some((fixture) => fixture.type === type))).toEqual([]);
  });

  const cases = fixtures.flatMap(({ type, data }) => messagesFor(type, data).flatMap((intent) => LANGUAGES.map((language) => [type, intent.template, language, intent] as const)));

  it.each(cases)('%s → %s renders in %s without a missing placeholder', (_type, template, language, intent) => {
    const rendered = renderer.render(template, language, intent.model, context);
    expect(rendered.subject.length).toBeGreaterThan(3);
    expect(rendered.text).not.toMatch(/\{\{|undefined|\[object Object\]/);
    expect(rendered.html).toContain(`<html lang="${language}">`);
    expect(rendered.html).not.toMatch(/\{\{|undefined/);
  });

  it('renders every template in both languages from some fixture', () => {
    const covered = new Set(cases.map(([, template, language]) => `${template}.${language}`));
    const untested = TEMPLATE_KEYS.flatMap((key) => LANGUAGES.map((language) => `${key}.${language}`)).filter((name) => !covered.has(name));
    // The partner's webhook message is not caused by a Kafka fixture; it is rendered below.
    expect(untested).toEqual(['webhook-disabled.en', 'webhook-disabled.da']);
  });

  it.each(LANGUAGES)('renders the webhook-disabled message in %s from its event fixture', (language) => {
    const disabled = fixtures.find((fixture) => fixture.type === 'dk.cmp.notifications.webhook-subscription-disabled.v1')?.data;
    const rendered = renderer.render('webhook-disabled', language, { ...disabled, url: 'https://hooks.example.com/cmp' }, { recipient: { firstName: null } });
    expect(rendered.text).toContain(disabled.subscriptionId);
  });

  it('fails on a missing placeholder instead of leaving a blank', () => {
    expect(() => renderer.render('application-waitlisted', 'en', { cohortId: 'x' }, context)).toThrow(/position/);
    expect(() => renderer.render('match-introduction', 'da', { recipientIsMentee: true, matchId: 'm' }, { recipient: { firstName: 'Ana' } })).toThrow(/firstName/);
  });

  it('writes Danish for Danish readers, with Copenhagen times', () => {
    const model = { sessionId: 's', startsAt: '2027-02-09T16:00:00.000Z', endsAt: '2027-02-09T17:00:00.000Z', online: true, place: null, link: 'https://meet.example.org/x', theme: 'kick-off' };
    const da = renderer.render('session-confirmed', 'da', model, context);
    expect(da.subject).toBe('Møde med Jens tirsdag den 9. februar 2027 kl. 17.00');
    expect(da.text).toContain('(opstart)');
    const en = renderer.render('session-confirmed', 'en', model, context);
    expect(en.subject).toBe('Session with Jens on Tuesday 9 February 2027 at 17:00');
  });

  it('escapes HTML in the HTML part only', () => {
    const rendered = renderer.render('application-rejected', 'en', { reason: 'Fewer than <5> places & none left' }, context);
    expect(rendered.html).toContain('Fewer than &lt;5&gt; places &amp; none left');
    expect(rendered.text).toContain('Fewer than <5> places & none left');
  });

  it('keeps the same placeholders in English and Danish', () => {
    const placeholders = (source: string) => [...new Set(source.match(/\{\{[^#/}][^}]*\}\}/g) ?? [])].filter((name) => !name.startsWith('{{else')).sort();
    for (const key of TEMPLATE_KEYS) {
      const [en, da] = [TEMPLATE_CATALOGUE[key].en, TEMPLATE_CATALOGUE[key].da];
      expect({ key, placeholders: placeholders(en.text + en.html) }).toEqual({ key, placeholders: placeholders(da.text + da.html) });
    }
  });
});
