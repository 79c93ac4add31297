/**
 * "Only own regions": the loket's lists and look-ups serve data of the regions in the actor's token.
 */
import type { Actor } from '../../../kit/auth/actor.js';
import { forbidden } from '../../kit/access/access-errors.js';

export function requireRegio(actor: Actor | undefined, regioCode: string, veld: string): void {
  if (actor?.regios.includes(regioCode)) return;
  const eigen = actor?.regios.length ? actor.regios.join(', ') : 'none';
  throw forbidden(`${veld}: ${regioCode} is not one of the regions of your token (${eigen})`, 'REGIO', veld);
}
