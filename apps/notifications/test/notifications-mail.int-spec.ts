import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import {
  ContactData,
  ContactPublished,
  MatchConfirmed,
  MenteeAccepted,
  MenteeApplied,
  SessionConfirmed,
  SessionConfirmedData,
  SessionReminderDue,
  SignInLinkRequested,
  ExistingAccountEnrolmentAttempted,
} from '@cmp/contracts';
import { waitFor, hopSigning } from '@cmp/testing';
import { MailCapture, NotificationsTestApp, startNotifications } from './notifications-test-app';

describe('notifications: mail, inbox and erasure', () => {
  let capture: MailCapture;
  let svc: NotificationsTestApp;

  beforeAll(async () => {
    capture = await MailCapture.start();
    svc = await startNotifications(capture.smtpPort);
  });

  afterAll(async () => {
    await svc?.close();
    await capture?.dispose();
  });

  const http = () => request(hopSigning(svc.app, 'notifications'));
  const count = async (sql: string, values: unknown[] = []) => Number((await svc.dataSource.query(sql, values))[0].count);

  async function person(language: 'en' | 'da', role: 'mentee' | 'mentor' = 'mentee', name = 'Ana Sousa'): Promise<ContactData> {
    const contact: ContactData = { personId: randomUUID(), role, name, email: `${randomUUID().slice(0, 8)}@example.org`, preferredLanguage: language };
    await svc.publish(ContactPublished, contact.personId, contact);
    await waitFor(() => count('SELECT count(*) FROM contacts WHERE person_id = $1', [contact.personId]), (n) => n === 1, { what: 'the contact' });
    return contact;
  }

  const messagesOf = (eventId: string) => svc.dataSource.query(`SELECT * FROM messages WHERE event_id = $1 ORDER BY recipient_key, channel`, [eventId]);
  const planned = (eventId: string, n: number) => waitFor(() => messagesOf(eventId), (rows) => rows.length === n, { what: `${n} messages for ${eventId}` });

  it('mails an application receipt once, in Danish, even when the event is delivered twice', async () => {
    const mentee = await person('da');
    const cohortId = randomUUID();
    const eventId = randomUUID();
    await svc.publish(MenteeApplied, mentee.personId, { menteeId: mentee.personId, cohortId }, eventId);
    await svc.publish(MenteeApplied, mentee.personId, { menteeId: mentee.personId, cohortId }, eventId);
    await planned(eventId, 2);
    // A later event on the same partition proves the duplicate has been read (and skipped).
    const accepted = await svc.publish(MenteeAccepted, mentee.personId, { menteeId: mentee.personId, cohortId });
    await planned(accepted, 2);
    expect(await messagesOf(eventId)).toHaveLength(2);

    await svc.runDueMessages();
    await svc.runDueMessages();
    const mails = await capture.to(mentee.email);
    expect(mails.map((mail) => mail.subject).sort()).toEqual(['Din ansøgning er godkendt', 'Vi har modtaget din ansøgning']);
    const receipt = mails.find((mail) => mail.subject === 'Vi har modtaget din ansøgning');
    expect(receipt?.text).toContain('Kære Ana,');
    expect(receipt?.html).toContain('<p>Kære Ana,</p>');
    const raw = await capture.raw(receipt?.id as string);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);

    // The in-app inbox has the same messages, and only its owner sees them.
    const actor = `mentee:${mentee.personId}`;
    const inbox = await http().get('/inbox').set('x-actor', actor).expect(200);
    expect(inbox.body).toMatchObject({ total: 2, unread: 2 });
    expect(inbox.body.items.map((item: { subject: string }) => item.subject)).toContain('Vi har modtaget din ansøgning');
    await http().post(`/inbox/${inbox.body.items[0].id}/read`).set('x-actor', actor).expect(200);
    expect((await http().get('/inbox/unread-count').set('x-actor', actor).expect(200)).body).toEqual({ unread: 1 });
    await http().post(`/inbox/${inbox.body.items[1].id}/read`).set('x-actor', `mentee:${randomUUID()}`).expect(404);
    expect((await http().get('/inbox').set('x-actor', `mentee:${randomUUID()}`).expect(200)).body.total).toBe(0);
    await http().get('/inbox').expect(401);
    // A malformed actor can no longer reach the service: even signed, the hop token is refused (401, not 400).
    const malformed = await http().get('/inbox').set('x-actor', 'nobody').expect(401);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('introduces the pair with each other’s first name and email, and sends each session invitation with an .ics', async () => {
    const mentee = await person('en', 'mentee', 'Ana Sousa');
    const mentor = await person('da', 'mentor', 'Jens Hansen');
    const data = { matchId: randomUUID(), cohortId: randomUUID(), menteeId: mentee.personId, mentorId: mentor.personId };
    await planned(await svc.publish(MatchConfirmed, data.matchId, { ...data, confirmedAt: svc.now().toISOString() }), 4);
    const session: SessionConfirmedData = {
      ...data,
      sessionId: randomUUID(),
      mode: 'online',
      link: 'https://meet.example.org/kick-off',
      theme: 'kick-off',
      startsAt: '2027-02-09T16:00:00.000Z',
      endsAt: '2027-02-09T17:00:00.000Z',
      sequence: 0,
    };
    await planned(await svc.publish(SessionConfirmed, session.sessionId, session), 4);
    await svc.runDueMessages();

    const [intro] = (await capture.to(mentee.email)).filter((mail) => mail.subject.startsWith('Meet'));
    expect(intro.subject).toBe('Meet Jens, your mentor');
    expect(intro.text).toContain(mentor.email);
    const [mentorIntro] = (await capture.to(mentor.email)).filter((mail) => mail.subject.startsWith('Mød '));
    expect(mentorIntro.subject).toBe('Mød Ana, din mentee');
    expect(mentorIntro.text).toContain(mentee.email);

    const [invitation] = (await capture.to(mentor.email)).filter((mail) => mail.subject.startsWith('Møde med Ana'));
    expect(invitation.subject).toBe('Møde med Ana tirsdag den 9. februar 2027 kl. 17.00');
    expect(invitation.attachments.map((attachment) => attachment.contentType)).toEqual(expect.arrayContaining(['application/ics']));
    const parsed = await simpleParser(await capture.raw(invitation.id));
    expect(parsed.text).toContain('https://meet.example.org/kick-off');
    const attachment = parsed.attachments.find((candidate) => candidate.filename === 'invitation.ics');
    expect(attachment?.contentType).toBe('application/ics');
    const ics = attachment?.content.toString('utf8') ?? '';
    expect(ics).toContain('METHOD:REQUEST');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe(`${session.sessionId}@cmp`);
  });

  it('delays mail while the SMTP server is down, across a restart, and sends it once it is back', async () => {
    const mentee = await person('en');
    const eventId = await svc.publish(MenteeAccepted, mentee.personId, { menteeId: mentee.personId, cohortId: randomUUID() });
    await planned(eventId, 2);
    await capture.stop();
    try {
      await svc.runDueMessages();
      const [mail] = (await messagesOf(eventId)).filter((row: { channel: string }) => row.channel === 'email');
      expect(mail).toMatchObject({ status: 'pending', attempts: 1 });
      expect(new Date(mail.next_attempt_at).getTime() - svc.now().getTime()).toBe(30_000);
      await svc.runDueMessages();
      const [notYet] = (await messagesOf(eventId)).filter((row: { channel: string }) => row.channel === 'email');
      expect(notYet).toMatchObject({ status: 'pending', attempts: 1 });
      // The retry is a row, not a timer in memory: it survives a restart of the service.
      svc = await svc.restart();
      svc.advance(30_000);
      await svc.runDueMessages();
      const [again] = (await messagesOf(eventId)).filter((row: { channel: string }) => row.channel === 'email');
      expect(new Date(again.next_attempt_at).getTime() - svc.now().getTime()).toBe(60_000);
    } finally {
      await capture.resume();
    }
    svc.advance(60_000);
    await svc.runDueMessages();
    expect((await capture.to(mentee.email)).map((mail) => mail.subject)).toEqual(['Your application has been accepted']);
    const [sent] = (await messagesOf(eventId)).filter((row: { channel: string }) => row.channel === 'email');
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('sends each mail once when two pollers race for the same rows', async () => {
    const people = await Promise.all([person('en'), person('da'), person('en')]);
    const events = await Promise.all(people.map((p) => svc.publish(MenteeAccepted, p.personId, { menteeId: p.personId, cohortId: randomUUID() })));
    for (const eventId of events) await planned(eventId, 2);
    await Promise.all([svc.runDueMessages(), svc.runDueMessages(), svc.runDueMessages()]);
    for (const p of people) expect(await capture.to(p.email)).toHaveLength(1);
  });

  it('waits for a contact that arrives after the event, instead of losing the message', async () => {
    const personId = randomUUID();
    const eventId = await svc.publish(MenteeAccepted, personId, { menteeId: personId, cohortId: randomUUID() });
    await planned(eventId, 2);
    await svc.runDueMessages();
    const [waiting] = (await messagesOf(eventId)).filter((row: { channel: string }) => row.channel === 'email');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: `no contact record for person ${personId} yet` });
    const contact: ContactData = { personId, role: 'mentee', name: 'Late Comer', email: `${randomUUID().slice(0, 8)}@example.org`, preferredLanguage: 'en' };
    await svc.publish(ContactPublished, personId, contact);
    await waitFor(() => count('SELECT count(*) FROM contacts WHERE person_id = $1', [personId]), (n) => n === 1, { what: 'the late contact' });
    svc.advance(30_000);
    await svc.runDueMessages();
    expect((await capture.to(contact.email)).map((mail) => mail.text)).toEqual([expect.stringContaining('Dear Late,')]);
  });

  it('respects an opt-out of non-essential messages, but still sends essential ones', async () => {
    const mentee = await person('en');
    const mentor = await person('en', 'mentor', 'Jens Hansen');
    await http().put(`/people/${mentee.personId}/preferences`).set('x-actor', `mentor:${mentor.personId}`).send({ nonEssential: false }).expect(403);
    const bad = await http().put(`/people/${mentee.personId}/preferences`).set('x-actor', `mentee:${mentee.personId}`).send({ nonEssential: 'no' }).expect(400);
    expect(bad.body.type).toBeDefined();
    await http().put(`/people/${mentee.personId}/preferences`).set('x-actor', `mentee:${mentee.personId}`).send({ nonEssential: false }).expect(200);
    const session = {
      sessionId: randomUUID(),
      matchId: randomUUID(),
      cohortId: randomUUID(),
      menteeId: mentee.personId,
      mentorId: mentor.personId,
      mode: 'in-person' as const,
      place: 'Café Norden, Østergade 61',
      startsAt: '2027-02-10T16:00:00.000Z',
      endsAt: '2027-02-10T17:00:00.000Z',
      sequence: 1,
      leadTime: '24h' as const,
    };
    const reminder = await svc.publish(SessionReminderDue, session.sessionId, session);
    const rows = await planned(reminder, 4);
    expect(rows.filter((row: { person_id: string }) => row.person_id === mentee.personId).map((row: { status: string }) => row.status)).toEqual(['suppressed', 'suppressed']);
    const signIn = await svc.publish(SignInLinkRequested, mentee.personId, { personId: mentee.personId, role: 'mentee', link: 'https://cmp.example.org/sign-in/abc123', expiresAt: '2027-02-01T09:15:00.000Z' });
    await planned(signIn, 1);
    await svc.runDueMessages();
    const subjects = (await capture.to(mentee.email)).map((mail) => mail.subject);
    expect(subjects).toEqual(['Your sign-in link']);
    expect((await capture.to(mentor.email)).map((mail) => mail.subject)).toEqual(['Reminder: session with Ana tomorrow']);
    // The sign-in link was mailed, and is not kept.
    const [link] = await messagesOf(signIn);
    expect(link).toMatchObject({ status: 'sent', text_body: null, html_body: null });

    // Coordinators see the delivery log (metadata only); people do not.
    const log = await http().get(`/deliveries?personId=${mentee.personId}`).set('x-actor', 'coordinator:7').expect(200);
    expect(log.body.items.map((item: { status: string }) => item.status).sort()).toEqual(['sent', 'suppressed', 'suppressed']);
    expect(log.body.items[0]).not.toHaveProperty('text');
    await http().get('/deliveries').set('x-actor', `mentee:${mentee.personId}`).expect(403);
    await http().get('/deliveries?status=lost').set('x-actor', 'coordinator:7').expect(400);
  });

  it('tells the owner of an account, by email only, that someone tried to sign up with her address', async () => {
    const mentor = await person('da', 'mentor', 'Mette Hansen');
    const attempt = await svc.publish(ExistingAccountEnrolmentAttempted, mentor.personId, { personId: mentor.personId, role: 'mentor', attemptedAs: 'mentee', attemptedAt: svc.now().toISOString() });
    const [message] = await planned(attempt, 1);
    await svc.runDueMessages();
    const mails = await capture.to(mentor.email);
    expect(message).toMatchObject({ channel: 'email', template: 'account-exists' });
    expect(mails.map((mail) => mail.subject)).toEqual(['Nogen har brugt din e-mailadresse til at tilmelde sig']);
  });

  it('erases a person on the contact tombstone, including past message bodies that mention them', async () => {
    const mentee = await person('en', 'mentee', 'Erika Mustermann');
    const mentor = await person('en', 'mentor', 'Jens Hansen');
    const match = { matchId: randomUUID(), cohortId: randomUUID(), menteeId: mentee.personId, mentorId: mentor.personId, confirmedAt: svc.now().toISOString() };
    const intro = await svc.publish(MatchConfirmed, match.matchId, match);
    await planned(intro, 4);
    await svc.runDueMessages();
    expect(await count('SELECT count(*) FROM messages WHERE person_id = $1', [mentee.personId])).toBe(2);

    await svc.publish(ContactPublished, mentee.personId, null);
    await waitFor(() => count('SELECT count(*) FROM contacts WHERE person_id = $1', [mentee.personId]), (n) => n === 0, { what: 'the contact to go' });
    expect(await count('SELECT count(*) FROM messages WHERE person_id = $1', [mentee.personId])).toBe(0);
    const [mentorsIntro] = await svc.dataSource.query(`SELECT * FROM messages WHERE event_id = $1 AND person_id = $2 AND channel = 'email'`, [intro, mentor.personId]);
    expect(mentorsIntro).toMatchObject({ status: 'sent', subject: null, text_body: null, html_body: null });
    const dump = JSON.stringify(await svc.dataSource.query('SELECT * FROM messages'));
    expect(dump).not.toContain(mentee.email);
    expect(dump).not.toContain('Erika');
    const inbox = await http().get('/inbox').set('x-actor', `mentee:${mentee.personId}`).expect(200);
    expect(inbox.body.total).toBe(0);
  });
});
