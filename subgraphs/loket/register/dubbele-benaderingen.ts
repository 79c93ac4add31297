/**
 * The employers of a region that several organisations contacted, or planned to, in a period, from the
 * register: a Relay page ordered by KvK number, with the organisations per employer.
 */
import { dateArgument, dayMs } from '../../kit/date-argument.js';
import { badInput } from '../../kit/errors.js';
import type { Database } from '../../kit/store/database.js';
import { keysetPage } from '../store/keyset-page.js';
import type { DubbeleBenaderingConnectionModel } from './register-models.js';

const DAG_MS = 24 * 3600 * 1000;

export interface DubbeleBenaderingVraag {
  regioCode: string;
  van: string;
  tot: string;
  minOrganisaties: number;
  first: number;
  after: string | null | undefined;
}

export async function dubbeleBenaderingen(db: Database, vraag: DubbeleBenaderingVraag): Promise<DubbeleBenaderingConnectionModel> {
  const van = dayMs(dateArgument(vraag.van, 'van'))!;
  const tot = dayMs(dateArgument(vraag.tot, 'tot'))!;
  if (tot < van) throw badInput('tot must not be before van', 'tot');
  if (tot - van > 366 * DAG_MS) throw badInput('the period from van to tot may be at most 366 days', 'tot');
  if (!Number.isInteger(vraag.minOrganisaties) || vraag.minOrganisaties < 2 || vraag.minOrganisaties > 20) {
    throw badInput(`minOrganisaties must be between 2 and 20, got ${vraag.minOrganisaties}`, 'minOrganisaties');
  }
  const page = await keysetPage<{ kvk_nummer: string; organisaties: string[] }>(db, {
    select: 'kvk_nummer, organisaties',
    table: `(SELECT kvk_nummer, array_agg(DISTINCT organisatie ORDER BY organisatie) AS organisaties
             FROM contactmoment WHERE regio_code = $1 AND datum BETWEEN $2::date AND $3::date
             GROUP BY kvk_nummer HAVING count(DISTINCT organisatie) >= $4) AS benaderd`,
    conditions: [],
    params: [vraag.regioCode, vraag.van, vraag.tot, vraag.minOrganisaties],
    order: [{ column: 'kvk_nummer', direction: 'ASC', type: 'text', alias: 'kvk_nummer' }],
    first: vraag.first,
    after: vraag.after,
  });
  return {
    ...page,
    edges: page.edges.map(({ cursor, node }) => ({ cursor, node: { kvkNummer: node.kvk_nummer, organisaties: node.organisaties, van: vraag.van, tot: vraag.tot } })),
  };
}

