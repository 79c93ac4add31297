import type { GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';
import { reportUnreadSystems } from './unread-systems.js';

const info = { parentType: { name: 'Werkgever' }, fieldName: 'swDetacheringen' } as GraphQLResolveInfo;
const unread = new Map([['sw-am12', new PartnerUnavailableError('SW_BEDRIJF', 'sw-am12', 'TIMEOUT')]]);

type Field = (parent: unknown, args: object, context: object, info: GraphQLResolveInfo) => Promise<unknown>;

function field(value: unknown): { resolve: Field; reference: unknown } {
  const resolvers = reportUnreadSystems({ Werkgever: { __resolveReference: (r: unknown) => r, swDetacheringen: () => value } }, () => unread);
  return { resolve: resolvers.Werkgever.swDetacheringen as unknown as Field, reference: resolvers.Werkgever.__resolveReference };
}

describe('fields of records held by an unread source system', () => {
  it('answer PARTNER_UNAVAILABLE (NIET_GELEZEN) naming the system instead of null', async () => {
    const error = await field(null).resolve({ kvkNummer: '12345678', bronSystemen: ['gm-am12-a', 'sw-am12'] }, {}, {}, info).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am12', categorie: 'NIET_GELEZEN', retryable: true });
  });

  it('answer an empty list the same way', async () => {
    await expect(field([]).resolve({ bronSystemen: ['sw-am12'] }, {}, {}, info)).rejects.toMatchObject({ categorie: 'NIET_GELEZEN' });
  });

  it('keep what they found: a value is served although a system is unread', async () => {
    await expect(field({ aantalMedewerkers: 2 }).resolve({ bronSystemen: ['sw-am12'] }, {}, {}, info)).resolves.toEqual({ aantalMedewerkers: 2 });
  });

  it('stay null when no system holding the record is unread (the partner has nothing)', async () => {
    await expect(field(null).resolve({ bronSystemen: ['gm-am12-a', 'sw-am13'] }, {}, {}, info)).resolves.toBeNull();
    await expect(field(null).resolve({ kvkNummer: '12345678' }, {}, {}, info)).resolves.toBeNull();
  });

  it('leave reference resolvers alone', () => {
    expect(field(null).reference).toBeTypeOf('function');
    expect((field(null).reference as (r: unknown) => unknown)({ kvkNummer: '1' })).toEqual({ kvkNummer: '1' });
  });
});
