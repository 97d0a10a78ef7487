import { AccountEntity } from './account.entity';
import { ApiKeyEntity } from './api-key.entity';
import { MentorshipEntity } from './mentorship.entity';
import { RefreshTokenEntity, SessionEntity } from './session.entity';
import { SignInFailureEntity } from './sign-in-failure.entity';
import { SignInLinkEntity } from './sign-in-link.entity';

/** Every table the gateway maps, for its data source; each entity lives in its aggregate's file. */
export const GATEWAY_ENTITIES = [AccountEntity, SessionEntity, RefreshTokenEntity, SignInLinkEntity, ApiKeyEntity, SignInFailureEntity, MentorshipEntity];
