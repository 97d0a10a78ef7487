import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { SessionTheme } from '@cmp/contracts';
import { Language, TemplateKey, TEMPLATE_KEYS, LANGUAGES, TemplateModel } from '../../domain/message';
import { TEMPLATE_CATALOGUE } from './template-catalogue';

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What a template sees besides the rule's model: who reads it and, for introductions, the other person. */
export interface RenderContext {
  readonly recipient: { readonly firstName: string | null };
  readonly peer?: { readonly firstName: string; readonly email: string };
}

const ZONE = 'Europe/Copenhagen';

const THEMES: Record<Language, Record<SessionTheme, string>> = {
  en: {
    'kick-off': 'kick-off',
    'cv-and-linkedin': 'CV and LinkedIn',
    'labour-market-and-strategy': 'labour market and strategy',
    applications: 'applications',
    'interview-training': 'interview training',
    networking: 'networking',
    'mid-term-review': 'mid-term review',
    'closing-and-next-steps': 'closing and next steps',
  },
  da: {
    'kick-off': 'opstart',
    'cv-and-linkedin': 'CV og LinkedIn',
    'labour-market-and-strategy': 'arbejdsmarked og strategi',
    applications: 'ansøgninger',
    'interview-training': 'jobsamtaletræning',
    networking: 'netværk',
    'mid-term-review': 'midtvejsevaluering',
    'closing-and-next-steps': 'afslutning og næste skridt',
  },
};

const FORMATS: Record<Language, { when: string; time: string; day: string }> = {
  en: { when: "cccc d MMMM yyyy 'at' HH:mm", time: 'HH:mm', day: 'd MMMM yyyy' },
  da: { when: "cccc 'den' d. MMMM yyyy 'kl.' HH.mm", time: 'HH.mm', day: 'd. MMMM yyyy' },
};

type Compiled = { subject: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate; html: Handlebars.TemplateDelegate };

/**
 * Renders the catalogue with Handlebars in strict mode, so a placeholder without a value throws
 * rather than sending "Dear ,". HTML parts are escaped; subject and text are not (they are not HTML).
 */
export class TemplateRenderer {
  private readonly compiled = new Map<string, Compiled>();

  constructor() {
    for (const language of LANGUAGES) {
      const engine = Handlebars.create();
      this.registerHelpers(engine, language);
      for (const key of TEMPLATE_KEYS) {
        const source = TEMPLATE_CATALOGUE[key][language];
        const plain = { strict: true, noEscape: true } as const;
        this.compiled.set(`${key}.${language}`, {
          subject: engine.compile(source.subject, plain),
          text: engine.compile(source.text, plain),
          html: engine.compile(source.html, { strict: true }),
        });
      }
    }
  }

  render(key: TemplateKey, language: Language, model: TemplateModel, context: RenderContext): RenderedMessage {
    const templates = this.compiled.get(`${key}.${language}`);
    if (!templates) throw new Error(`no template ${key} in ${language}`);
    const input = { ...model, recipient: context.recipient, ...(context.peer ? { peer: context.peer } : {}) };
    return {
      subject: templates.subject(input).replace(/\s+/g, ' ').trim(),
      text: templates.text(input),
      html: `<!doctype html><html lang="${language}"><body style="font-family:sans-serif;line-height:1.5">${templates.html(input)}</body></html>`,
    };
  }

  private registerHelpers(engine: typeof Handlebars, language: Language): void {
    const instant = (value: unknown, format: string) => {
      if (typeof value !== 'string') throw new Error(`expected an ISO date, got ${String(value)}`);
      const parsed = DateTime.fromISO(value, { zone: 'utc' });
      if (!parsed.isValid) throw new Error(`not an ISO date: ${value}`);
      return parsed.setZone(ZONE).setLocale(language).toFormat(format);
    };
    engine.registerHelper('when', (value: unknown) => instant(value, FORMATS[language].when));
    engine.registerHelper('time', (value: unknown) => instant(value, FORMATS[language].time));
    engine.registerHelper('day', (value: unknown) => {
      if (typeof value !== 'string') throw new Error(`expected a date, got ${String(value)}`);
      return DateTime.fromISO(value, { zone: ZONE }).setLocale(language).toFormat(FORMATS[language].day);
    });
    engine.registerHelper('theme', (value: unknown) => {
      const label = THEMES[language][value as SessionTheme];
      if (label === undefined) throw new Error(`unknown session theme ${String(value)}`);
      return label;
    });
  }
}
