import type { IncomingMessage, ServerResponse } from 'node:http';
import { appendSetCookie, parseCookies, serializeCookie } from './cookies';
import { sendJson, sendStatus } from './status';
import type { UpstreamUser } from './upstream';

/** Which upstream user the browser acts as: switching it is how a person logs in as someone else. */
export const USER_COOKIE = 'virt-console-user';

const MAX_BODY = 4096;

export class Sessions {
  constructor(private readonly users: UpstreamUser[]) {
    if (!users.length) throw new Error('the console host needs at least one upstream user');
  }

  get usernames(): string[] {
    return this.users.map((u) => u.username);
  }

  /** The cookie's user when it names a known one, else the default (first) user. */
  current(req: IncomingMessage): UpstreamUser {
    const name = parseCookies(req)[USER_COOKIE];
    return this.users.find((u) => u.username === name) ?? this.users[0];
  }

  /** `GET /api/console/users` → `{ current, users }`. */
  list(req: IncomingMessage, res: ServerResponse): void {
    sendJson(res, 200, { current: this.current(req).username, users: this.usernames });
  }

  /** `POST /api/console/user {username}` (CSRF-checked by the caller): switches the current user. */
  async switchUser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let username: unknown;
    try {
      const body = await readSmallBody(req);
      username = (JSON.parse(body) as { username?: unknown }).username;
    } catch {
      sendStatus(res, 400, 'BadRequest', 'expected a JSON body {"username": "<name>"}');
      return;
    }
    const user = this.users.find((u) => u.username === username);
    if (!user) {
      sendStatus(res, 400, 'BadRequest', `unknown user ${JSON.stringify(username)}`);
      return;
    }
    appendSetCookie(res, serializeCookie(USER_COOKIE, user.username, { httpOnly: true }));
    sendJson(res, 200, { current: user.username, users: this.usernames });
  }
}

const readSmallBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
