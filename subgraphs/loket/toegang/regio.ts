/**
 * "Only own regions": the loket's lists and look-ups serve data of the regions in the actor's token.
 * A refusal of a region's list names the region asked for; a refusal of one person or vacancy does
 * not say where it is (a pseudonym may have leaked; where someone lives is not for this caller).
 */
import type { Actor } from '../../../kit/auth/actor.js';
import { forbidden } from '../../kit/access/access-errors.js';

export function requireRegio(actor: Actor | undefined, regioCode: string, veld: string, wat?: string): void {
  if (actor?.regios.includes(regioCode)) return;
  const eigen = actor?.regios.length ? actor.regios.join(', ') : 'none';
  const buiten = wat === undefined ? `${regioCode} is not one of the regions of your token` : `${wat} is outside the regions of your token`;
  throw forbidden(`${veld}: ${buiten} (${eigen})`, 'REGIO', veld);
}
