import { IssuedFeed } from '../application/feeds/feed-commands';

/** The token is shown this once: only its hash is kept. */
export function issuedFeedResponse({ token, path }: IssuedFeed) {
  return { token, path };
}
