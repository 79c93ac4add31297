/**
 * Writes one source system's index records. Rows carry the synchronisation run, so when a source has
 * been read completely the rows it no longer has are removed (`finishSource`), and a source that
 * fails half-way keeps its previous rows. Batches go in as one JSON parameter each.
 */
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from '../../../adapters/kit/index-records.js';
import type { Database } from '../../kit/store/database.js';

type Row = Record<string, unknown>;

async function insertJson(db: Pick<Database, 'query'>, sql: string, rows: Row[]): Promise<void> {
  if (rows.length > 0) await db.query(sql, [JSON.stringify(rows)]);
}

/**
 * One row per key within a batch (the last wins): Postgres refuses an upsert that touches a row twice,
 * and a partner can list two records with one public id (e.g. the same vacancy posted twice).
 */
function lastPerKey<T>(records: T[], keyOf: (record: T) => string): T[] {
  return [...new Map(records.map((r) => [keyOf(r), r])).values()];
}


export async function writeKandidaten(db: Database, run: number, bronSysteem: string, records: (IndexKandidaat & { regioCode: string })[]): Promise<void> {
  await insertJson(
    db,
    `INSERT INTO kandidaat_bron (id, bron, bron_systeem, regio_code, gemeente_code, doelgroepen, competenties, werk_denk_niveau, beschikbaar_per, bijgewerkt_op, sync_run)
     SELECT x.id, x.bron, x.bron_systeem, x.regio_code, x.gemeente_code, x.doelgroepen, x.competenties, x.werk_denk_niveau, x.beschikbaar_per, x.bijgewerkt_op, x.sync_run
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, bron text, bron_systeem text, regio_code text, gemeente_code text, doelgroepen text[], competenties text[], werk_denk_niveau int, beschikbaar_per date, bijgewerkt_op timestamptz, sync_run bigint)
     ON CONFLICT (bron_systeem, id) DO UPDATE SET bron = excluded.bron, regio_code = excluded.regio_code, gemeente_code = excluded.gemeente_code, doelgroepen = excluded.doelgroepen,
       competenties = excluded.competenties, werk_denk_niveau = excluded.werk_denk_niveau, beschikbaar_per = excluded.beschikbaar_per, bijgewerkt_op = excluded.bijgewerkt_op, sync_run = excluded.sync_run`,
    lastPerKey(records, (r) => r.id).map((r) => ({
      id: r.id, bron: r.bron, bron_systeem: bronSysteem, regio_code: r.regioCode, gemeente_code: r.gemeenteCode, doelgroepen: r.doelgroepen, competenties: r.competenties,
      werk_denk_niveau: r.werkDenkNiveau, beschikbaar_per: r.beschikbaarPer, bijgewerkt_op: r.bijgewerktOp, sync_run: run,
    })),
  );
}

export async function writeVacatures(db: Database, run: number, bronSysteem: string, records: (IndexVacature & { regioCode: string })[]): Promise<void> {
  await insertJson(
    db,
    `INSERT INTO vacature_bron (id, bron, bron_systeem, regio_code, soort, titel, kvk_nummer, gemeente_code, postcode, beroepscode, werk_denk_niveau, uren_per_week, doelgroepen, geplaatst_op, bijgewerkt_op, sync_run)
     SELECT x.id, x.bron, x.bron_systeem, x.regio_code, x.soort, x.titel, x.kvk_nummer, x.gemeente_code, x.postcode, x.beroepscode, x.werk_denk_niveau, x.uren_per_week, x.doelgroepen, x.geplaatst_op, x.bijgewerkt_op, x.sync_run
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, bron text, bron_systeem text, regio_code text, soort text, titel text, kvk_nummer text, gemeente_code text, postcode text, beroepscode text, werk_denk_niveau int, uren_per_week int, doelgroepen text[], geplaatst_op date, bijgewerkt_op timestamptz, sync_run bigint)
     ON CONFLICT (bron_systeem, id) DO UPDATE SET bron = excluded.bron, regio_code = excluded.regio_code, soort = excluded.soort, titel = excluded.titel, kvk_nummer = excluded.kvk_nummer,
       gemeente_code = excluded.gemeente_code, postcode = excluded.postcode, beroepscode = excluded.beroepscode, werk_denk_niveau = excluded.werk_denk_niveau, uren_per_week = excluded.uren_per_week,
       doelgroepen = excluded.doelgroepen, geplaatst_op = excluded.geplaatst_op, bijgewerkt_op = excluded.bijgewerkt_op, sync_run = excluded.sync_run`,
    lastPerKey(records, (r) => r.id).map((r) => ({
      id: r.id, bron: r.bron, bron_systeem: bronSysteem, regio_code: r.regioCode, soort: r.soort, titel: r.titel, kvk_nummer: r.kvkNummer, gemeente_code: r.gemeenteCode,
      postcode: r.postcode, beroepscode: r.beroepscode, werk_denk_niveau: r.werkDenkNiveau, uren_per_week: r.urenPerWeek, doelgroepen: r.doelgroepen,
      geplaatst_op: r.geplaatstOp, bijgewerkt_op: r.bijgewerktOp, sync_run: run,
    })),
  );
}

export async function writeWerkgevers(db: Database, run: number, bronSysteem: string, records: (IndexWerkgever & { regioCode: string })[]): Promise<void> {
  await insertJson(
    db,
    `INSERT INTO werkgever_bron (kvk_nummer, bron, bron_systeem, regio_code, naam, gemeente_code, sector, erkend_leerbedrijf, bijgewerkt_op, sync_run)
     SELECT x.kvk_nummer, x.bron, x.bron_systeem, x.regio_code, x.naam, x.gemeente_code, x.sector, x.erkend_leerbedrijf, x.bijgewerkt_op, x.sync_run
     FROM jsonb_to_recordset($1::jsonb) AS x(kvk_nummer text, bron text, bron_systeem text, regio_code text, naam text, gemeente_code text, sector text, erkend_leerbedrijf boolean, bijgewerkt_op timestamptz, sync_run bigint)
     ON CONFLICT (bron_systeem, kvk_nummer) DO UPDATE SET bron = excluded.bron, regio_code = excluded.regio_code, naam = excluded.naam, gemeente_code = excluded.gemeente_code,
       sector = excluded.sector, erkend_leerbedrijf = excluded.erkend_leerbedrijf, bijgewerkt_op = excluded.bijgewerkt_op, sync_run = excluded.sync_run`,
    lastPerKey(records, (r) => r.kvkNummer).map((r) => ({
      kvk_nummer: r.kvkNummer, bron: r.bron, bron_systeem: bronSysteem, regio_code: r.regioCode, naam: r.naam, gemeente_code: r.gemeenteCode,
      sector: r.sector ?? null, erkend_leerbedrijf: r.erkendLeerbedrijf ?? null, bijgewerkt_op: r.bijgewerktOp, sync_run: run,
    })),
  );
}

export async function writeInstrumenten(db: Database, run: number, bronSysteem: string, records: IndexInstrument[]): Promise<void> {
  await insertJson(
    db,
    `INSERT INTO instrument (id, bron, bron_systeem, naam, soort, gemeente_code, regio_code, doelgroepen, voorwaarden, max_bedrag, max_duur_maanden, bijgewerkt_op, sync_run)
     SELECT x.id, x.bron, x.bron_systeem, x.naam, x.soort, x.gemeente_code, x.regio_code, x.doelgroepen, x.voorwaarden, x.max_bedrag, x.max_duur_maanden, x.bijgewerkt_op, x.sync_run
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, bron text, bron_systeem text, naam text, soort text, gemeente_code text, regio_code text, doelgroepen text[], voorwaarden text, max_bedrag int, max_duur_maanden int, bijgewerkt_op timestamptz, sync_run bigint)
     ON CONFLICT (bron_systeem, id) DO UPDATE SET bron = excluded.bron, naam = excluded.naam, soort = excluded.soort, gemeente_code = excluded.gemeente_code, regio_code = excluded.regio_code,
       doelgroepen = excluded.doelgroepen, voorwaarden = excluded.voorwaarden, max_bedrag = excluded.max_bedrag, max_duur_maanden = excluded.max_duur_maanden,
       bijgewerkt_op = excluded.bijgewerkt_op, sync_run = excluded.sync_run`,
    lastPerKey(records, (r) => r.id).map((r) => ({
      id: r.id, bron: r.bron, bron_systeem: bronSysteem, naam: r.naam, soort: r.soort, gemeente_code: r.gemeenteCode, regio_code: r.regioCode, doelgroepen: r.doelgroepen,
      voorwaarden: r.voorwaarden, max_bedrag: r.maxBedrag, max_duur_maanden: r.maxDuurMaanden, bijgewerkt_op: r.bijgewerktOp, sync_run: run,
    })),
  );
}

const SOURCE_TABLES = ['kandidaat_bron', 'vacature_bron', 'werkgever_bron', 'instrument'] as const;

/** After a complete read of a source: drop what it no longer has, record status and left-out records. */
export async function finishSource(
  db: Database,
  run: number,
  source: { bron: string; bronSysteem: string },
  outcome: { aantalRecords: number; issues: { recordSoort: string; record: string; veld: string; melding: string }[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of SOURCE_TABLES) await tx.query(`DELETE FROM ${table} WHERE bron_systeem = $1 AND sync_run <> $2`, [source.bronSysteem, run]);
    await tx.query('DELETE FROM afgewezen_record WHERE bron_systeem = $1', [source.bronSysteem]);
    await insertJson(
      tx,
      `INSERT INTO afgewezen_record (bron_systeem, record_soort, record, veld, melding, sync_run)
       SELECT x.bron_systeem, x.record_soort, x.record, x.veld, x.melding, x.sync_run
       FROM jsonb_to_recordset($1::jsonb) AS x(bron_systeem text, record_soort text, record text, veld text, melding text, sync_run bigint)`,
      outcome.issues.map((i) => ({ bron_systeem: source.bronSysteem, record_soort: i.recordSoort, record: i.record, veld: i.veld, melding: i.melding, sync_run: run })),
    );
    await tx.query(
      `INSERT INTO bron_status (bron_systeem, bron, laatste_synchronisatie, aantal_records, fout) VALUES ($1, $2, now(), $3, NULL)
       ON CONFLICT (bron_systeem) DO UPDATE SET bron = excluded.bron, laatste_synchronisatie = excluded.laatste_synchronisatie, aantal_records = excluded.aantal_records, fout = NULL`,
      [source.bronSysteem, source.bron, outcome.aantalRecords],
    );
  });
}

/** A source that failed: keep its previous rows, record the failure. */
export async function failSource(db: Database, source: { bron: string; bronSysteem: string }, fout: string): Promise<void> {
  await db.query(
    `INSERT INTO bron_status (bron_systeem, bron, fout) VALUES ($1, $2, $3)
     ON CONFLICT (bron_systeem) DO UPDATE SET fout = excluded.fout`,
    [source.bronSysteem, source.bron, fout],
  );
}

export async function nextSyncRun(db: Database): Promise<number> {
  const [row] = await db.query<{ run: string }>("SELECT nextval('sync_run_seq') AS run");
  return Number(row?.run);
}
