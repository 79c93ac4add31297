/**
 * Reads of the merged loket index: pages per region with filters, lookups by id (batched), the
 * instrument catalogue of a region, and per-source freshness. Dates come back as ISO text.
 */
import type { Bron, Doelgroep, VacatureSoort } from '../../../adapters/kit/vocabulary.js';
import type { InstrumentModel, KandidaatModel, VacatureModel, WerkgeverModel } from '../models.js';
import type { Database } from '../../kit/store/database.js';
import { keysetPage, type OrderKey, type Page } from './keyset-page.js';

const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const KANDIDAAT_SELECT = `id, regio_code AS "regioCode", gemeente_code AS "gemeenteCode", bronnen, doelgroepen, competenties,
  werk_denk_niveau AS "werkDenkNiveau", ${day('beschikbaar_per')} AS "beschikbaarPer", ${ts('bijgewerkt_op')} AS "bijgewerktOp"`;
const VACATURE_SELECT = `id, regio_code AS "regioCode", bron, bronnen, soort, titel, kvk_nummer AS "kvkNummer", gemeente_code AS "gemeenteCode", postcode,
  beroepscode, werk_denk_niveau AS "werkDenkNiveau", uren_per_week AS "urenPerWeek", doelgroepen, ${day('geplaatst_op')} AS "geplaatstOp", ${ts('bijgewerkt_op')} AS "bijgewerktOp"`;
const WERKGEVER_SELECT = `kvk_nummer AS "kvkNummer", regio_code AS "regioCode", naam, gemeente_code AS "gemeenteCode", bronnen, aantal_bronnen AS "aantalBronnen", ${ts('bijgewerkt_op')} AS "bijgewerktOp"`;
const INSTRUMENT_SELECT = `id, bron AS aanbieder, naam, soort, gemeente_code AS "gemeenteCode", regio_code AS "regioCode", doelgroepen, voorwaarden,
  max_bedrag AS "maxBedrag", max_duur_maanden AS "maxDuurMaanden"`;

const KANDIDAAT_ORDER: OrderKey[] = [
  { column: 'bijgewerkt_op', direction: 'DESC', type: 'timestamptz', alias: 'bijgewerktOp' },
  { column: 'id', direction: 'DESC', type: 'text', alias: 'id' },
];
const VACATURE_ORDER: OrderKey[] = [
  { column: 'geplaatst_op', direction: 'DESC', type: 'date', alias: 'geplaatstOp' },
  { column: 'id', direction: 'DESC', type: 'text', alias: 'id' },
];
const WERKGEVER_ORDER: OrderKey[] = [
  { column: 'aantal_bronnen', direction: 'DESC', type: 'int', alias: 'aantalBronnen' },
  { column: 'kvk_nummer', direction: 'ASC', type: 'text', alias: 'kvkNummer' },
];

/** Collects `column op $n` conditions with their parameters. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];
  add(template: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.sql.push(template(`$${this.params.length}`));
    return this;
  }
  addIf(value: unknown, template: (placeholder: string) => string): this {
    return value === null || value === undefined ? this : this.add(template, value);
  }
}

export interface PageArgs {
  first: number;
  after?: string | null;
}

export interface KandidaatQuery extends PageArgs {
  regioCode: string;
  gemeente?: string | null;
  doelgroep?: Doelgroep | null;
  bron?: Bron | null;
  werkDenkNiveauMin?: number | null;
  competentie?: string | null;
}

export function kandidatenPage(db: Database, q: KandidaatQuery): Promise<Page<KandidaatModel>> {
  const c = new Conditions()
    .add((p) => `regio_code = ${p}`, q.regioCode)
    .addIf(q.gemeente, (p) => `gemeente_code = ${p}`)
    .addIf(q.doelgroep, (p) => `${p} = ANY(doelgroepen)`)
    .addIf(q.bron, (p) => `${p} = ANY(bronnen)`)
    .addIf(q.werkDenkNiveauMin, (p) => `werk_denk_niveau >= ${p}`)
    .addIf(q.competentie, (p) => `${p} = ANY(competenties)`);
  return keysetPage<KandidaatModel>(db, { select: KANDIDAAT_SELECT, table: 'kandidaat', conditions: c.sql, params: c.params, order: KANDIDAAT_ORDER, first: q.first, after: q.after });
}

export interface VacatureQuery extends PageArgs {
  /** Only vacancies of this region; absent with `kvkNummer`: the employer's vacancies in every region. */
  regioCode?: string | null;
  /** Only vacancies of this employer. */
  kvkNummer?: string | null;
  gemeente?: string | null;
  soort?: VacatureSoort | null;
  bron?: Bron | null;
  doelgroep?: Doelgroep | null;
}

export function vacaturesPage(db: Database, q: VacatureQuery): Promise<Page<VacatureModel>> {
  if (!q.regioCode && !q.kvkNummer) throw new Error('vacaturesPage needs a region or an employer');
  const c = new Conditions()
    .addIf(q.regioCode, (p) => `regio_code = ${p}`)
    .addIf(q.kvkNummer, (p) => `kvk_nummer = ${p}`)
    .addIf(q.gemeente, (p) => `gemeente_code = ${p}`)
    .addIf(q.soort, (p) => `soort = ${p}`)
    .addIf(q.bron, (p) => `${p} = ANY(bronnen)`)
    .addIf(q.doelgroep, (p) => `${p} = ANY(doelgroepen)`);
  return keysetPage<VacatureModel>(db, { select: VACATURE_SELECT, table: 'vacature', conditions: c.sql, params: c.params, order: VACATURE_ORDER, first: q.first, after: q.after });
}

export interface WerkgeverQuery extends PageArgs {
  regioCode: string;
  gemeente?: string | null;
  bron?: Bron | null;
  minBronnen?: number | null;
  /** Only employers of this sector (as their association classifies them), case-insensitive. */
  sector?: string | null;
  /** True: only employers SBB recognises as leerbedrijf; false: only those it does not. */
  erkendLeerbedrijf?: boolean | null;
  /** True: only employers with at least one open vacancy in the index (from any partner); false: only those without. */
  metOpenVacatures?: boolean | null;
  /** From the contact register: true only employers without a current accountmanager in their region, false only those with one. */
  zonderAccountmanager?: boolean | null;
  /** `YYYY-MM-DD`: only employers no organisation had a contact with (GEDAAN) on or after this day, never-contacted ones included. */
  laatsteContactVoor?: string | null;
  /** `YYYY-MM-DD`: only employers some organisation had a contact with (GEDAAN) on or after this day. */
  laatsteContactNa?: string | null;
}

const HEEFT_ACCOUNTMANAGER = `EXISTS (SELECT 1 FROM accountmanager_toewijzing a WHERE a.kvk_nummer = werkgever.kvk_nummer AND a.regio_code = werkgever.regio_code AND a.tot IS NULL)`;
const CONTACT_SINDS = (p: string) => `EXISTS (SELECT 1 FROM contactmoment c WHERE c.kvk_nummer = werkgever.kvk_nummer AND c.status = 'GEDAAN' AND c.datum >= ${p}::date)`;

export function werkgeversPage(db: Database, q: WerkgeverQuery): Promise<Page<WerkgeverModel>> {
  const c = new Conditions()
    .add((p) => `regio_code = ${p}`, q.regioCode)
    .addIf(q.gemeente, (p) => `gemeente_code = ${p}`)
    .addIf(q.bron, (p) => `${p} = ANY(bronnen)`)
    .addIf(q.minBronnen, (p) => `aantal_bronnen >= ${p}`)
    .addIf(q.sector, (p) => `lower(sector) = lower(${p})`)
    .addIf(q.erkendLeerbedrijf, (p) => `erkend_leerbedrijf = ${p}::boolean`)
    .addIf(q.metOpenVacatures, (p) => `(${p}::boolean = EXISTS (SELECT 1 FROM vacature v WHERE v.kvk_nummer = werkgever.kvk_nummer))`)
    .addIf(q.zonderAccountmanager, (p) => `(${p}::boolean <> ${HEEFT_ACCOUNTMANAGER})`)
    .addIf(q.laatsteContactVoor, (p) => `NOT ${CONTACT_SINDS(p)}`)
    .addIf(q.laatsteContactNa, (p) => CONTACT_SINDS(p));
  return keysetPage<WerkgeverModel>(db, { select: WERKGEVER_SELECT, table: 'werkgever', conditions: c.sql, params: c.params, order: WERKGEVER_ORDER, first: q.first, after: q.after });
}

/** Batched lookups, in the order of `ids` (null where unknown). */
async function byIds<T extends Record<string, unknown>>(db: Database, select: string, table: string, column: string, alias: string, ids: readonly string[]): Promise<(T | null)[]> {
  const rows = await db.query<T>(`SELECT ${select} FROM ${table} WHERE ${column} = ANY($1::text[])`, [ids]);
  const byId = new Map(rows.map((row) => [row[alias] as string, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

export const kandidatenByIds = (db: Database, ids: readonly string[]) => byIds<KandidaatModel>(db, KANDIDAAT_SELECT, 'kandidaat', 'id', 'id', ids);
export const vacaturesByIds = (db: Database, ids: readonly string[]) => byIds<VacatureModel>(db, VACATURE_SELECT, 'vacature', 'id', 'id', ids);
export const werkgeversByKvk = (db: Database, kvks: readonly string[]) => byIds<WerkgeverModel>(db, WERKGEVER_SELECT, 'werkgever', 'kvk_nummer', 'kvkNummer', kvks);

const PER_BRON = { kandidaat: ['kandidaat_bron', 'id'], vacature: ['vacature_bron', 'id'], werkgever: ['werkgever_bron', 'kvk_nummer'] } as const;

/** Per id, the source systems whose lists hold it (sorted; empty when none does). */
export async function bronSystemenVan(db: Database, soort: keyof typeof PER_BRON, ids: readonly string[]): Promise<string[][]> {
  const [table, key] = PER_BRON[soort];
  const rows = await db.query<{ id: string; systemen: string[] }>(`SELECT ${key} AS id, array_agg(bron_systeem ORDER BY bron_systeem) AS systemen FROM ${table} WHERE ${key} = ANY($1) GROUP BY ${key}`, [ids]);
  const per = new Map(rows.map((r) => [r.id, r.systemen]));
  return ids.map((id) => per.get(id) ?? []);
}

export async function instrumentenByIds(db: Database, ids: readonly string[]): Promise<(InstrumentModel | null)[]> {
  const rows = await db.query<InstrumentModel & Record<string, unknown>>(`SELECT DISTINCT ON (id) ${INSTRUMENT_SELECT} FROM instrument WHERE id = ANY($1::text[]) ORDER BY id, bron_systeem`, [ids]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** National instruments, those of the region, and those of the given gemeenten. */
export async function instrumentenVoorRegio(db: Database, q: { regioCode: string; gemeenteCodes: string[]; doelgroep?: Doelgroep | null }): Promise<InstrumentModel[]> {
  const params: unknown[] = [q.regioCode, q.gemeenteCodes];
  const conditions = ['(regio_code = $1 OR gemeente_code = ANY($2::text[]) OR (regio_code IS NULL AND gemeente_code IS NULL))'];
  if (q.doelgroep) {
    params.push(q.doelgroep);
    conditions.push('$3 = ANY(doelgroepen)');
  }
  const rows = await db.query<InstrumentModel>(`SELECT DISTINCT ON (id) ${INSTRUMENT_SELECT} FROM instrument WHERE ${conditions.join(' AND ')} ORDER BY id, bron_systeem`, params);
  return rows.sort(compareInstrument);
}

function compareInstrument(a: InstrumentModel, b: InstrumentModel): number {
  return (a.gemeenteCode ?? '').localeCompare(b.gemeenteCode ?? '') || a.aanbieder.localeCompare(b.aanbieder) || a.soort.localeCompare(b.soort) || a.id.localeCompare(b.id);
}

export interface BronStatusRow {
  bron: Bron;
  bronSysteem: string;
  laatsteSynchronisatie: string | null;
  aantalRecords: number;
  fout: string | null;
  afgewezen: { recordSoort: string; record: string; veld: string; melding: string }[];
}

export async function bronStatussen(db: Database, systemen?: readonly string[]): Promise<BronStatusRow[]> {
  const where = systemen ? 'WHERE bron_systeem = ANY($1)' : '';
  const params = systemen ? [systemen] : [];
  const statuses = await db.query<Omit<BronStatusRow, 'afgewezen'>>(
    `SELECT bron, bron_systeem AS "bronSysteem", ${ts('laatste_synchronisatie')} AS "laatsteSynchronisatie", aantal_records AS "aantalRecords", fout FROM bron_status ${where} ORDER BY bron, bron_systeem`,
    params,
  );
  const rejected = await db.query<{ bronSysteem: string; recordSoort: string; record: string; veld: string; melding: string }>(
    `SELECT bron_systeem AS "bronSysteem", record_soort AS "recordSoort", record, veld, melding FROM afgewezen_record ${where} ORDER BY bron_systeem, record_soort, record`,
    params,
  );
  return statuses.map((s) => ({ ...s, afgewezen: rejected.filter((r) => r.bronSysteem === s.bronSysteem).map(({ bronSysteem: _, ...r }) => r) }));
}
