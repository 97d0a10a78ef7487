import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** A token is 43 base64url characters; anything else is refused before a database lookup. */
@Injectable()
export class SurveyTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{43}$/.test(value)) throw new BadRequestException('this is not a survey link token');
    return value;
  }
}
