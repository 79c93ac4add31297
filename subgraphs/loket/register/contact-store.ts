/**
 * The register's contact moments: store one (with its outbox row when the registering organisation has
 * a system of its own), read an employer's contacts newest first, and find other organisations'
 * contacts with an employer around a date (double approach).
 */
import { randomUUID } from 'node:crypto';
import type { Bron } from '../../../adapters/kit/vocabulary.js';
import type { Database } from '../../kit/store/database.js';
import type { NieuwContactmoment } from './contact-invoer.js';
import type { Tx } from './idempotentie.js';
import type { Leveringsdoel } from './leveringsdoel.js';

export interface LeveringModel {
  bron: Bron;
  bronSysteem: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  pogingen: number;
  laatsteFout: string | null;
  volgendePoging: string | null;
  geleverdOp: string | null;
  partnerReferentie: string | null;
}

export interface ContactmomentModel extends NieuwContactmoment {
  id: string;
  regioCode: string;
  organisatie: string;
  geregistreerdOp: string;
  /** Null when the organisation keeps its contacts in this register only (no system of its own in the graph). */
  levering: LeveringModel | null;
}

const SELECT = `SELECT c.id, c.kvk_nummer, c.regio_code, c.organisatie, c.medewerker, c.kanaal, c.status, c.datum::text AS datum, c.onderwerp,
    c.geregistreerd_op, l.bron, l.bron_systeem, l.status AS levering_status, l.pogingen, l.laatste_fout, l.volgende_poging, l.geleverd_op, l.partner_referentie
  FROM contactmoment c LEFT JOIN levering l ON l.contactmoment_id = c.id`;

interface Row {
  id: string;
  kvk_nummer: string;
  regio_code: string;
  organisatie: string;
  medewerker: string;
  kanaal: ContactmomentModel['kanaal'];
  status: ContactmomentModel['status'];
  datum: string;
  onderwerp: string;
  geregistreerd_op: Date | string;
  bron: Bron | null;
  bron_systeem: string | null;
  levering_status: LeveringModel['status'] | null;
  pogingen: number | null;
  laatste_fout: string | null;
  volgende_poging: Date | string | null;
  geleverd_op: Date | string | null;
  partner_referentie: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function model(row: Row): ContactmomentModel {
  return {
    id: row.id,
    kvkNummer: row.kvk_nummer,
    regioCode: row.regio_code,
    organisatie: row.organisatie,
    medewerker: row.medewerker,
    kanaal: row.kanaal,
    status: row.status,
    datum: row.datum,
    onderwerp: row.onderwerp,
    geregistreerdOp: iso(row.geregistreerd_op)!,
    levering:
      row.levering_status === null
        ? null
        : {
            bron: row.bron!,
            bronSysteem: row.bron_systeem!,
            status: row.levering_status,
            pogingen: row.pogingen ?? 0,
            laatsteFout: row.laatste_fout,
            volgendePoging: row.levering_status === 'DELIVERED' ? null : iso(row.volgende_poging),
            geleverdOp: iso(row.geleverd_op),
            partnerReferentie: row.partner_referentie,
          },
  };
}

export interface ContactRegistratie {
  contact: NieuwContactmoment;
  regioCode: string;
  gemeenteCode: string;
  organisatie: string;
  sleutel: string;
  actor: string;
  /** Where the contact is delivered; none when the organisation has no system of its own in the graph. */
  doel: Leveringsdoel | undefined;
}

/** Stores the contact and, in the same transaction, its delivery in the outbox. Returns its id. */
export async function slaContactOp(tx: Tx, registratie: ContactRegistratie): Promise<string> {
  const id = `cm_${randomUUID()}`;
  const { contact } = registratie;
  await tx.query(
    `INSERT INTO contactmoment (id, kvk_nummer, regio_code, gemeente_code, organisatie, medewerker, kanaal, status, datum, onderwerp, sleutel, geregistreerd_door)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, contact.kvkNummer, registratie.regioCode, registratie.gemeenteCode, registratie.organisatie, contact.medewerker, contact.kanaal, contact.status, contact.datum, contact.onderwerp, registratie.sleutel, registratie.actor],
  );
  if (registratie.doel) {
    await tx.query('INSERT INTO levering (contactmoment_id, bron, bron_systeem) VALUES ($1, $2, $3)', [id, registratie.doel.bron, registratie.doel.bronSysteem]);
  }
  return id;
}

export async function contactmomentById(db: Tx, id: string): Promise<ContactmomentModel | undefined> {
  const [row] = await db.query<Row>(`${SELECT} WHERE c.id = $1`, [id]);
  return row ? model(row) : undefined;
}

export async function contactmomentenByIds(db: Tx, ids: readonly string[]): Promise<ContactmomentModel[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE c.id = ANY($1)`, [ids]);
  return rows.map(model);
}

/** The contacts with these employers, newest first (by date, then by registration), at most `limit` each. */
export async function contactmomentenVan(db: Database, kvkNummers: readonly string[], limit: number): Promise<Map<string, ContactmomentModel[]>> {
  const rows = await db.query<Row>(
    `SELECT * FROM (
       SELECT r.*, row_number() OVER (PARTITION BY r.kvk_nummer ORDER BY r.datum DESC, r.geregistreerd_op DESC, r.id) AS rang
       FROM (${SELECT} WHERE c.kvk_nummer = ANY($1)) r
     ) ranked WHERE rang <= $2 ORDER BY kvk_nummer, datum DESC, geregistreerd_op DESC, id`,
    [kvkNummers, limit],
  );
  const perWerkgever = new Map<string, ContactmomentModel[]>(kvkNummers.map((kvk) => [kvk, []]));
  for (const row of rows) perWerkgever.get(row.kvk_nummer)?.push(model(row));
  return perWerkgever;
}

/**
 * Contacts of other organisations with this employer, done or planned, within `dagen` days before or
 * after `datum` (both in the register): what makes a new contact a double approach.
 */
export async function andereBenaderingen(tx: Tx, kvkNummer: string, organisatie: string, datum: string, dagen: number, behalve?: string): Promise<ContactmomentModel[]> {
  const rows = await tx.query<Row>(
    `${SELECT} WHERE c.kvk_nummer = $1 AND c.organisatie <> $2 AND c.datum BETWEEN $3::date - $4::int AND $3::date + $4::int AND c.id <> $5
     ORDER BY c.datum DESC, c.geregistreerd_op DESC, c.id`,
    [kvkNummer, organisatie, datum, dagen, behalve ?? ''],
  );
  return rows.map(model);
}

/** The contacts with one employer in a region in a period (days inclusive), newest first. */
export async function contactmomentenInPeriode(db: Tx, kvkNummer: string, regioCode: string, van: string, tot: string): Promise<ContactmomentModel[]> {
  const rows = await db.query<Row>(
    `${SELECT} WHERE c.kvk_nummer = $1 AND c.regio_code = $2 AND c.datum BETWEEN $3::date AND $4::date ORDER BY c.datum DESC, c.geregistreerd_op DESC, c.id`,
    [kvkNummer, regioCode, van, tot],
  );
  return rows.map(model);
}

export interface LeveringTellingModel {
  bronSysteem: string;
  bron: Bron;
  pending: number;
  delivered: number;
  failed: number;
  oudsteOpenSinds: string | null;
}

/** The outbox backlog per source system. */
export async function leveringTellingen(db: Database): Promise<LeveringTellingModel[]> {
  const rows = await db.query<{ bron_systeem: string; bron: Bron; pending: string; delivered: string; failed: string; oudste: Date | string | null }>(
    `SELECT bron_systeem, bron, count(*) FILTER (WHERE status = 'PENDING') AS pending, count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
       count(*) FILTER (WHERE status = 'FAILED') AS failed, min(aangemaakt_op) FILTER (WHERE status <> 'DELIVERED') AS oudste
     FROM levering GROUP BY bron_systeem, bron ORDER BY bron_systeem`,
  );
  return rows.map((r) => ({ bronSysteem: r.bron_systeem, bron: r.bron, pending: Number(r.pending), delivered: Number(r.delivered), failed: Number(r.failed), oudsteOpenSinds: iso(r.oudste) }));
}
