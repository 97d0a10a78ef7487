import type { Language, TemplateKey } from '../../domain/message';

/** One message in one language. `text` and `html` are the two MIME parts; both are required. */
export interface TemplateSource {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

type Catalogue = Readonly<Record<TemplateKey, Readonly<Record<Language, TemplateSource>>>>;

/**
 * Every message in English and Danish, as Handlebars templates compiled in strict mode: a
 * placeholder the model lacks fails the render instead of leaving a blank. Dates go through the
 * `when`/`day` helpers (Europe/Copenhagen, the recipient's language); themes through `theme`.
 */
export const TEMPLATE_CATALOGUE: Catalogue = {
  'application-received': {
    en: {
      subject: 'We have received your application',
      text: `Dear {{recipient.firstName}},\n\nThank you for applying to the Career Mentoring Programme.{{#if referred}} Your referral code has been registered.{{/if}} We will let you know as soon as your application has been reviewed.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Thank you for applying to the Career Mentoring Programme.{{#if referred}} Your referral code has been registered.{{/if}} We will let you know as soon as your application has been reviewed.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Vi har modtaget din ansøgning',
      text: `Kære {{recipient.firstName}},\n\nTak for din ansøgning til Career Mentoring Programme.{{#if referred}} Din henvisningskode er registreret.{{/if}} Vi giver dig besked, så snart din ansøgning er behandlet.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Tak for din ansøgning til Career Mentoring Programme.{{#if referred}} Din henvisningskode er registreret.{{/if}} Vi giver dig besked, så snart din ansøgning er behandlet.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'application-accepted': {
    en: {
      subject: 'Your application has been accepted',
      text: `Dear {{recipient.firstName}},\n\nGood news: your application to the Career Mentoring Programme has been accepted. We will write again when you have a place in a cohort.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Good news: your application to the Career Mentoring Programme has been accepted. We will write again when you have a place in a cohort.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Din ansøgning er godkendt',
      text: `Kære {{recipient.firstName}},\n\nGode nyheder: din ansøgning til Career Mentoring Programme er godkendt. Vi skriver igen, når du har fået en plads på et hold.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Gode nyheder: din ansøgning til Career Mentoring Programme er godkendt. Vi skriver igen, når du har fået en plads på et hold.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'application-waitlisted': {
    en: {
      subject: 'You are on the waiting list',
      text: `Dear {{recipient.firstName}},\n\nThe cohort you applied for is full, so you are on the waiting list as number {{position}}. We will write as soon as a place is free.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>The cohort you applied for is full, so you are on the waiting list as number <strong>{{position}}</strong>. We will write as soon as a place is free.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Du er på ventelisten',
      text: `Kære {{recipient.firstName}},\n\nHoldet, du har søgt, er fuldt, så du står på ventelisten som nummer {{position}}. Vi skriver, så snart der bliver en plads ledig.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Holdet, du har søgt, er fuldt, så du står på ventelisten som nummer <strong>{{position}}</strong>. Vi skriver, så snart der bliver en plads ledig.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'application-rejected': {
    en: {
      subject: 'About your application',
      text: `Dear {{recipient.firstName}},\n\nThank you for your interest in the Career Mentoring Programme. Unfortunately we cannot offer you a place this time.\n\nThe reason: {{reason}}\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Thank you for your interest in the Career Mentoring Programme. Unfortunately we cannot offer you a place this time.</p><p>The reason: {{reason}}</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Om din ansøgning',
      text: `Kære {{recipient.firstName}},\n\nTak for din interesse for Career Mentoring Programme. Desværre kan vi ikke tilbyde dig en plads denne gang.\n\nBegrundelse: {{reason}}\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Tak for din interesse for Career Mentoring Programme. Desværre kan vi ikke tilbyde dig en plads denne gang.</p><p>Begrundelse: {{reason}}</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'mentee-placed': {
    en: {
      subject: 'You have a place in the programme',
      text: `Dear {{recipient.firstName}},\n\nYou now have a place in a cohort of the Career Mentoring Programme. Next, we will find a mentor for you and introduce you to each other.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>You now have a place in a cohort of the Career Mentoring Programme. Next, we will find a mentor for you and introduce you to each other.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Du har fået en plads i programmet',
      text: `Kære {{recipient.firstName}},\n\nDu har nu en plads på et hold i Career Mentoring Programme. Nu finder vi en mentor til dig og præsenterer jer for hinanden.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Du har nu en plads på et hold i Career Mentoring Programme. Nu finder vi en mentor til dig og præsenterer jer for hinanden.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'mentee-withdrew': {
    en: {
      subject: 'You have left the programme',
      text: `Dear {{recipient.firstName}},\n\n{{#if byCoordinator}}A coordinator has ended your participation in the Career Mentoring Programme. Reason: {{reason}}{{else}}We have recorded that you are leaving the Career Mentoring Programme.{{/if}} You are welcome to apply again later.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>{{#if byCoordinator}}A coordinator has ended your participation in the Career Mentoring Programme. Reason: {{reason}}{{else}}We have recorded that you are leaving the Career Mentoring Programme.{{/if}} You are welcome to apply again later.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Du har forladt programmet',
      text: `Kære {{recipient.firstName}},\n\n{{#if byCoordinator}}En koordinator har afsluttet din deltagelse i Career Mentoring Programme. Begrundelse: {{reason}}{{else}}Vi har registreret, at du forlader Career Mentoring Programme.{{/if}} Du er velkommen til at søge igen senere.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>{{#if byCoordinator}}En koordinator har afsluttet din deltagelse i Career Mentoring Programme. Begrundelse: {{reason}}{{else}}Vi har registreret, at du forlader Career Mentoring Programme.{{/if}} Du er velkommen til at søge igen senere.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'mentor-welcome': {
    en: {
      subject: 'Welcome as a mentor',
      text: `Dear {{recipient.firstName}},\n\nThank you for volunteering as a mentor in the Career Mentoring Programme ({{cohortCount}} cohort(s)). We will introduce you to your mentee once the matching is done.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Thank you for volunteering as a mentor in the Career Mentoring Programme ({{cohortCount}} cohort(s)). We will introduce you to your mentee once the matching is done.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Velkommen som mentor',
      text: `Kære {{recipient.firstName}},\n\nTak fordi du melder dig som frivillig mentor i Career Mentoring Programme ({{cohortCount}} hold). Vi præsenterer dig for din mentee, når matchningen er på plads.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Tak fordi du melder dig som frivillig mentor i Career Mentoring Programme ({{cohortCount}} hold). Vi præsenterer dig for din mentee, når matchningen er på plads.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'match-introduction': {
    en: {
      subject: 'Meet {{peer.firstName}}, your {{#if recipientIsMentee}}mentor{{else}}mentee{{/if}}',
      text: `Dear {{recipient.firstName}},\n\nWe are happy to introduce you to {{peer.firstName}}, your {{#if recipientIsMentee}}mentor{{else}}mentee{{/if}} for the next four months. You can reach {{peer.firstName}} at {{peer.email}}.\n\nPlease agree on a time for your kick-off session in the next two weeks.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>We are happy to introduce you to <strong>{{peer.firstName}}</strong>, your {{#if recipientIsMentee}}mentor{{else}}mentee{{/if}} for the next four months. You can reach {{peer.firstName}} at <a href="mailto:{{peer.email}}">{{peer.email}}</a>.</p><p>Please agree on a time for your kick-off session in the next two weeks.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Mød {{peer.firstName}}, din {{#if recipientIsMentee}}mentor{{else}}mentee{{/if}}',
      text: `Kære {{recipient.firstName}},\n\nVi er glade for at kunne præsentere dig for {{peer.firstName}}, din {{#if recipientIsMentee}}mentor{{else}}mentee{{/if}} de næste fire måneder. Du kan skrive til {{peer.firstName}} på {{peer.email}}.\n\nAftal gerne et tidspunkt for jeres opstartsmøde inden for de næste to uger.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Vi er glade for at kunne præsentere dig for <strong>{{peer.firstName}}</strong>, din {{#if recipientIsMentee}}mentor{{else}}mentee{{/if}} de næste fire måneder. Du kan skrive til {{peer.firstName}} på <a href="mailto:{{peer.email}}">{{peer.email}}</a>.</p><p>Aftal gerne et tidspunkt for jeres opstartsmøde inden for de næste to uger.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'session-confirmed': {
    en: {
      subject: 'Session with {{peer.firstName}} on {{when startsAt}}',
      text: `Dear {{recipient.firstName}},\n\nYour session with {{peer.firstName}}{{#if theme}} ({{theme theme}}){{/if}} is confirmed for {{when startsAt}} until {{time endsAt}}.\n{{#if online}}Join online: {{link}}{{else}}Place: {{place}}{{/if}}\n\nThe calendar invitation is attached.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Your session with {{peer.firstName}}{{#if theme}} ({{theme theme}}){{/if}} is confirmed for <strong>{{when startsAt}}</strong> until {{time endsAt}}.</p><p>{{#if online}}Join online: <a href="{{link}}">{{link}}</a>{{else}}Place: {{place}}{{/if}}</p><p>The calendar invitation is attached.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Møde med {{peer.firstName}} {{when startsAt}}',
      text: `Kære {{recipient.firstName}},\n\nDit møde med {{peer.firstName}}{{#if theme}} ({{theme theme}}){{/if}} er bekræftet {{when startsAt}} til {{time endsAt}}.\n{{#if online}}Deltag online: {{link}}{{else}}Sted: {{place}}{{/if}}\n\nKalenderinvitationen er vedhæftet.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Dit møde med {{peer.firstName}}{{#if theme}} ({{theme theme}}){{/if}} er bekræftet <strong>{{when startsAt}}</strong> til {{time endsAt}}.</p><p>{{#if online}}Deltag online: <a href="{{link}}">{{link}}</a>{{else}}Sted: {{place}}{{/if}}</p><p>Kalenderinvitationen er vedhæftet.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'session-rescheduled': {
    en: {
      subject: 'Session with {{peer.firstName}} moved to {{when startsAt}}',
      text: `Dear {{recipient.firstName}},\n\nYour session with {{peer.firstName}} planned for {{when previousStartsAt}} has moved to {{when startsAt}} until {{time endsAt}}.\n{{#if online}}Join online: {{link}}{{else}}Place: {{place}}{{/if}}\n\nThe updated calendar invitation is attached.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Your session with {{peer.firstName}} planned for {{when previousStartsAt}} has moved to <strong>{{when startsAt}}</strong> until {{time endsAt}}.</p><p>{{#if online}}Join online: <a href="{{link}}">{{link}}</a>{{else}}Place: {{place}}{{/if}}</p><p>The updated calendar invitation is attached.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Mødet med {{peer.firstName}} er flyttet til {{when startsAt}}',
      text: `Kære {{recipient.firstName}},\n\nDit møde med {{peer.firstName}}, der var planlagt {{when previousStartsAt}}, er flyttet til {{when startsAt}} til {{time endsAt}}.\n{{#if online}}Deltag online: {{link}}{{else}}Sted: {{place}}{{/if}}\n\nDen opdaterede kalenderinvitation er vedhæftet.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Dit møde med {{peer.firstName}}, der var planlagt {{when previousStartsAt}}, er flyttet til <strong>{{when startsAt}}</strong> til {{time endsAt}}.</p><p>{{#if online}}Deltag online: <a href="{{link}}">{{link}}</a>{{else}}Sted: {{place}}{{/if}}</p><p>Den opdaterede kalenderinvitation er vedhæftet.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'session-cancelled': {
    en: {
      subject: 'Session with {{peer.firstName}} cancelled',
      text: `Dear {{recipient.firstName}},\n\nYour session with {{peer.firstName}}{{#if startsAt}} on {{when startsAt}}{{/if}} has been cancelled{{#if cancelledBySystem}} automatically{{/if}}.\nReason: {{reason}}\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Your session with {{peer.firstName}}{{#if startsAt}} on {{when startsAt}}{{/if}} has been cancelled{{#if cancelledBySystem}} automatically{{/if}}.</p><p>Reason: {{reason}}</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Mødet med {{peer.firstName}} er aflyst',
      text: `Kære {{recipient.firstName}},\n\nDit møde med {{peer.firstName}}{{#if startsAt}} {{when startsAt}}{{/if}} er{{#if cancelledBySystem}} automatisk{{/if}} aflyst.\nBegrundelse: {{reason}}\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Dit møde med {{peer.firstName}}{{#if startsAt}} {{when startsAt}}{{/if}} er{{#if cancelledBySystem}} automatisk{{/if}} aflyst.</p><p>Begrundelse: {{reason}}</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'session-reminder': {
    en: {
      subject: 'Reminder: session with {{peer.firstName}} {{#if inOneHour}}in one hour{{else}}tomorrow{{/if}}',
      text: `Dear {{recipient.firstName}},\n\nA reminder that your session with {{peer.firstName}} starts {{when startsAt}}.\n{{#if online}}Join online: {{link}}{{else}}Place: {{place}}{{/if}}\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>A reminder that your session with {{peer.firstName}} starts <strong>{{when startsAt}}</strong>.</p><p>{{#if online}}Join online: <a href="{{link}}">{{link}}</a>{{else}}Place: {{place}}{{/if}}</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Påmindelse: møde med {{peer.firstName}} {{#if inOneHour}}om en time{{else}}i morgen{{/if}}',
      text: `Kære {{recipient.firstName}},\n\nEn påmindelse om, at dit møde med {{peer.firstName}} begynder {{when startsAt}}.\n{{#if online}}Deltag online: {{link}}{{else}}Sted: {{place}}{{/if}}\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>En påmindelse om, at dit møde med {{peer.firstName}} begynder <strong>{{when startsAt}}</strong>.</p><p>{{#if online}}Deltag online: <a href="{{link}}">{{link}}</a>{{else}}Sted: {{place}}{{/if}}</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'mentorship-stalled-nudge': {
    en: {
      subject: 'Time to meet {{peer.firstName}} again?',
      text: `Dear {{recipient.firstName}},\n\n{{#if noKickOff}}You and {{peer.firstName}} have not held your kick-off session yet.{{else}}You and {{peer.firstName}} have not met for {{daysWithoutSession}} days.{{/if}} A short session keeps the momentum going: propose a time in the app or write to {{peer.email}}.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>{{#if noKickOff}}You and {{peer.firstName}} have not held your kick-off session yet.{{else}}You and {{peer.firstName}} have not met for {{daysWithoutSession}} days.{{/if}} A short session keeps the momentum going: propose a time in the app or write to <a href="mailto:{{peer.email}}">{{peer.email}}</a>.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Tid til at mødes med {{peer.firstName}} igen?',
      text: `Kære {{recipient.firstName}},\n\n{{#if noKickOff}}Du og {{peer.firstName}} har endnu ikke holdt jeres opstartsmøde.{{else}}Du og {{peer.firstName}} har ikke mødtes i {{daysWithoutSession}} dage.{{/if}} Et kort møde holder gang i forløbet: foreslå et tidspunkt i appen, eller skriv til {{peer.email}}.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>{{#if noKickOff}}Du og {{peer.firstName}} har endnu ikke holdt jeres opstartsmøde.{{else}}Du og {{peer.firstName}} har ikke mødtes i {{daysWithoutSession}} dage.{{/if}} Et kort møde holder gang i forløbet: foreslå et tidspunkt i appen, eller skriv til <a href="mailto:{{peer.email}}">{{peer.email}}</a>.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'mentorship-stalled-task': {
    en: {
      subject: 'Follow up on a stalled mentorship',
      text: `Mentorship {{matchId}} (cohort {{cohortId}}) looks stalled: {{#if noKickOff}}no kick-off session yet{{else}}no session for {{daysWithoutSession}} days{{#if lastSessionOn}}, last on {{day lastSessionOn}}{{/if}}{{/if}}. Please contact the pair.`,
      html: `<p>Mentorship <code>{{matchId}}</code> (cohort <code>{{cohortId}}</code>) looks stalled: {{#if noKickOff}}no kick-off session yet{{else}}no session for {{daysWithoutSession}} days{{#if lastSessionOn}}, last on {{day lastSessionOn}}{{/if}}{{/if}}.</p><p>Please contact the pair.</p>`,
    },
    da: {
      subject: 'Følg op på et mentorforløb, der er gået i stå',
      text: `Mentorforløbet {{matchId}} (hold {{cohortId}}) ser ud til at være gået i stå: {{#if noKickOff}}intet opstartsmøde endnu{{else}}intet møde i {{daysWithoutSession}} dage{{#if lastSessionOn}}, sidst {{day lastSessionOn}}{{/if}}{{/if}}. Kontakt venligst parret.`,
      html: `<p>Mentorforløbet <code>{{matchId}}</code> (hold <code>{{cohortId}}</code>) ser ud til at være gået i stå: {{#if noKickOff}}intet opstartsmøde endnu{{else}}intet møde i {{daysWithoutSession}} dage{{#if lastSessionOn}}, sidst {{day lastSessionOn}}{{/if}}{{/if}}.</p><p>Kontakt venligst parret.</p>`,
    },
  },
  'survey-invitation': {
    en: {
      subject: '{{#if followUp}}How are things going?{{else}}Tell us about the programme{{/if}}',
      text: `Dear {{recipient.firstName}},\n\n{{#if followUp}}We would like to hear how you are doing since the programme ended.{{else}}We would like to hear how the programme is going for you.{{/if}} The survey takes about five minutes:\n\n{{link}}\n\nThe link is personal and works until {{when expiresAt}}.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>{{#if followUp}}We would like to hear how you are doing since the programme ended.{{else}}We would like to hear how the programme is going for you.{{/if}} The survey takes about five minutes:</p><p><a href="{{link}}">Answer the survey</a></p><p>The link is personal and works until {{when expiresAt}}.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: '{{#if followUp}}Hvordan går det?{{else}}Fortæl os om programmet{{/if}}',
      text: `Kære {{recipient.firstName}},\n\n{{#if followUp}}Vi vil gerne høre, hvordan det går, siden programmet sluttede.{{else}}Vi vil gerne høre, hvordan programmet går for dig.{{/if}} Spørgeskemaet tager cirka fem minutter:\n\n{{link}}\n\nLinket er personligt og virker indtil {{when expiresAt}}.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>{{#if followUp}}Vi vil gerne høre, hvordan det går, siden programmet sluttede.{{else}}Vi vil gerne høre, hvordan programmet går for dig.{{/if}} Spørgeskemaet tager cirka fem minutter:</p><p><a href="{{link}}">Besvar spørgeskemaet</a></p><p>Linket er personligt og virker indtil {{when expiresAt}}.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'survey-reminder': {
    en: {
      subject: 'Reminder: your survey',
      text: `Dear {{recipient.firstName}},\n\nA friendly reminder: we have not yet received your answers. It takes about five minutes:\n\n{{link}}\n\nThe link works until {{when expiresAt}}.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>A friendly reminder: we have not yet received your answers. It takes about five minutes:</p><p><a href="{{link}}">Answer the survey</a></p><p>The link works until {{when expiresAt}}.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Påmindelse: dit spørgeskema',
      text: `Kære {{recipient.firstName}},\n\nEn venlig påmindelse: vi har endnu ikke modtaget dine svar. Det tager cirka fem minutter:\n\n{{link}}\n\nLinket virker indtil {{when expiresAt}}.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>En venlig påmindelse: vi har endnu ikke modtaget dine svar. Det tager cirka fem minutter:</p><p><a href="{{link}}">Besvar spørgeskemaet</a></p><p>Linket virker indtil {{when expiresAt}}.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'programme-completed': {
    en: {
      subject: 'Congratulations on completing the programme',
      text: `Dear {{recipient.firstName}},\n\nYour mentorship with {{peer.firstName}} ended on {{day completedOn}}{{#if sessionsHeld}} after {{sessionsHeld}} sessions{{/if}}. Thank you for taking part! We will ask how things are going in a few months.\n\nBest regards,\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Your mentorship with {{peer.firstName}} ended on {{day completedOn}}{{#if sessionsHeld}} after {{sessionsHeld}} sessions{{/if}}. Thank you for taking part! We will ask how things are going in a few months.</p><p>Best regards,<br>The CMP team</p>`,
    },
    da: {
      subject: 'Tillykke med gennemført program',
      text: `Kære {{recipient.firstName}},\n\nDit mentorforløb med {{peer.firstName}} sluttede {{day completedOn}}{{#if sessionsHeld}} efter {{sessionsHeld}} møder{{/if}}. Tak fordi du deltog! Om nogle måneder spørger vi, hvordan det går.\n\nVenlig hilsen\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Dit mentorforløb med {{peer.firstName}} sluttede {{day completedOn}}{{#if sessionsHeld}} efter {{sessionsHeld}} møder{{/if}}. Tak fordi du deltog! Om nogle måneder spørger vi, hvordan det går.</p><p>Venlig hilsen<br>CMP-teamet</p>`,
    },
  },
  'sign-in-link': {
    en: {
      subject: 'Your sign-in link',
      text: `Dear {{recipient.firstName}},\n\nUse this link to sign in to CMP:\n\n{{link}}\n\nIt works once, until {{when expiresAt}}. If you did not ask for it, you can ignore this email.\n\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p><a href="{{link}}">Sign in to CMP</a></p><p>The link works once, until {{when expiresAt}}. If you did not ask for it, you can ignore this email.</p><p>The CMP team</p>`,
    },
    da: {
      subject: 'Dit login-link',
      text: `Kære {{recipient.firstName}},\n\nBrug dette link til at logge ind på CMP:\n\n{{link}}\n\nDet virker én gang, indtil {{when expiresAt}}. Har du ikke bedt om det, kan du se bort fra denne e-mail.\n\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p><a href="{{link}}">Log ind på CMP</a></p><p>Linket virker én gang, indtil {{when expiresAt}}. Har du ikke bedt om det, kan du se bort fra denne e-mail.</p><p>CMP-teamet</p>`,
    },
  },
  'account-exists': {
    en: {
      subject: 'Someone used your email address to sign up',
      text: `Dear {{recipient.firstName}},\n\nSomeone just tried to {{#if asMentor}}register as a mentor{{else}}apply to the Career Mentoring Programme{{/if}} with this email address, which already has a CMP account, so nothing new was created. If it was you, simply sign in: with your password, or ask for a sign-in link on the sign-in page. If it was not you, you can ignore this email; your account is unchanged.\n\nThe CMP team`,
      html: `<p>Dear {{recipient.firstName}},</p><p>Someone just tried to {{#if asMentor}}register as a mentor{{else}}apply to the Career Mentoring Programme{{/if}} with this email address, which already has a CMP account, so nothing new was created.</p><p>If it was you, simply sign in: with your password, or ask for a sign-in link on the sign-in page. If it was not you, you can ignore this email; your account is unchanged.</p><p>The CMP team</p>`,
    },
    da: {
      subject: 'Nogen har brugt din e-mailadresse til at tilmelde sig',
      text: `Kære {{recipient.firstName}},\n\nNogen har netop forsøgt at {{#if asMentor}}melde sig som mentor{{else}}søge om optagelse i Career Mentoring Programme{{/if}} med denne e-mailadresse, som allerede har en CMP-konto, så intet nyt blev oprettet. Var det dig, skal du blot logge ind: med din adgangskode, eller bed om et login-link på login-siden. Var det ikke dig, kan du se bort fra denne e-mail; din konto er uændret.\n\nCMP-teamet`,
      html: `<p>Kære {{recipient.firstName}},</p><p>Nogen har netop forsøgt at {{#if asMentor}}melde sig som mentor{{else}}søge om optagelse i Career Mentoring Programme{{/if}} med denne e-mailadresse, som allerede har en CMP-konto, så intet nyt blev oprettet.</p><p>Var det dig, skal du blot logge ind: med din adgangskode, eller bed om et login-link på login-siden. Var det ikke dig, kan du se bort fra denne e-mail; din konto er uændret.</p><p>CMP-teamet</p>`,
    },
  },
  'webhook-disabled': {
    en: {
      subject: 'Your CMP webhook has been disabled',
      text: `Your webhook subscription {{subscriptionId}} ({{url}}) failed {{consecutiveFailures}} times in a row and has been disabled on {{when disabledAt}}.\nLast error: {{reason}}\n\nFix the endpoint, then enable the subscription again and redeliver what was missed from the delivery log.`,
      html: `<p>Your webhook subscription <code>{{subscriptionId}}</code> ({{url}}) failed {{consecutiveFailures}} times in a row and has been disabled on {{when disabledAt}}.</p><p>Last error: {{reason}}</p><p>Fix the endpoint, then enable the subscription again and redeliver what was missed from the delivery log.</p>`,
    },
    da: {
      subject: 'Jeres CMP-webhook er slået fra',
      text: `Jeres webhook-abonnement {{subscriptionId}} ({{url}}) fejlede {{consecutiveFailures}} gange i træk og blev slået fra {{when disabledAt}}.\nSidste fejl: {{reason}}\n\nRet endepunktet, slå abonnementet til igen, og send det manglende igen fra leveringsloggen.`,
      html: `<p>Jeres webhook-abonnement <code>{{subscriptionId}}</code> ({{url}}) fejlede {{consecutiveFailures}} gange i træk og blev slået fra {{when disabledAt}}.</p><p>Sidste fejl: {{reason}}</p><p>Ret endepunktet, slå abonnementet til igen, og send det manglende igen fra leveringsloggen.</p>`,
    },
  },
};
