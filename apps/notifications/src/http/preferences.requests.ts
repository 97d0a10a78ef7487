import { IsBoolean } from 'class-validator';

export class PreferencesRequest {
  /** Receive non-essential messages (reminders, nudges, surveys); essential ones always go. */
  @IsBoolean() readonly nonEssential: boolean;
}
