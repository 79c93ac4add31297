/**
 * Rebuilds the merged index (one row per person, vacancy and employer) from the per-source rows, in
 * one transaction so readers never see a half-built index. Merge rules: a person's or vacancy's
 * sources, target groups and competences are the union over partners; gemeente and region come from
 * the most recently updated source; a vacancy's `bron` is the first of UWV, gemeente, onderwijs,
 * werkgeversvereniging that has it; an employer's name is the spelling most partners use.
 */
import type { Database } from '../../kit/store/database.js';

const MERGE_KANDIDATEN = `
  INSERT INTO kandidaat (id, regio_code, gemeente_code, bronnen, doelgroepen, competenties, werk_denk_niveau, beschikbaar_per, bijgewerkt_op)
  WITH b AS (
    SELECT id,
           (array_agg(regio_code ORDER BY bijgewerkt_op DESC))[1] AS regio_code,
           (array_agg(gemeente_code ORDER BY bijgewerkt_op DESC))[1] AS gemeente_code,
           array_agg(DISTINCT bron ORDER BY bron) AS bronnen,
           max(werk_denk_niveau) AS werk_denk_niveau,
           min(beschikbaar_per) AS beschikbaar_per,
           max(bijgewerkt_op) AS bijgewerkt_op
    FROM kandidaat_bron GROUP BY id),
  d AS (SELECT id, array_agg(DISTINCT v ORDER BY v) AS doelgroepen FROM kandidaat_bron, unnest(doelgroepen) AS v GROUP BY id),
  c AS (SELECT id, array_agg(DISTINCT v ORDER BY v) AS competenties FROM kandidaat_bron, unnest(competenties) AS v GROUP BY id)
  SELECT b.id, b.regio_code, b.gemeente_code, b.bronnen, coalesce(d.doelgroepen, '{}'), coalesce(c.competenties, '{}'), b.werk_denk_niveau, b.beschikbaar_per, b.bijgewerkt_op
  FROM b LEFT JOIN d USING (id) LEFT JOIN c USING (id)`;

const BRON_VOORRANG = `CASE bron WHEN 'UWV' THEN 1 WHEN 'GEMEENTE' THEN 2 WHEN 'ONDERWIJS' THEN 3 WHEN 'WERKGEVERSVERENIGING' THEN 4 ELSE 5 END`;

const MERGE_VACATURES = `
  INSERT INTO vacature (id, regio_code, bron, bronnen, soort, titel, kvk_nummer, gemeente_code, postcode, beroepscode, werk_denk_niveau, uren_per_week, doelgroepen, geplaatst_op, bijgewerkt_op)
  WITH first AS (
    SELECT DISTINCT ON (id) * FROM vacature_bron ORDER BY id, ${BRON_VOORRANG}, bron_systeem),
  b AS (SELECT id, array_agg(DISTINCT bron ORDER BY bron) AS bronnen, min(geplaatst_op) AS geplaatst_op, max(bijgewerkt_op) AS bijgewerkt_op FROM vacature_bron GROUP BY id),
  d AS (SELECT id, array_agg(DISTINCT v ORDER BY v) AS doelgroepen FROM vacature_bron, unnest(doelgroepen) AS v GROUP BY id)
  SELECT f.id, f.regio_code, f.bron, b.bronnen, f.soort, f.titel, f.kvk_nummer, f.gemeente_code, f.postcode, f.beroepscode, f.werk_denk_niveau, f.uren_per_week,
         coalesce(d.doelgroepen, '{}'), b.geplaatst_op, b.bijgewerkt_op
  FROM first f JOIN b USING (id) LEFT JOIN d USING (id)`;

const MERGE_WERKGEVERS = `
  INSERT INTO werkgever (kvk_nummer, regio_code, naam, gemeente_code, bronnen, aantal_bronnen, sector, erkend_leerbedrijf, bijgewerkt_op)
  SELECT kvk_nummer,
         (array_agg(regio_code ORDER BY bijgewerkt_op DESC))[1],
         mode() WITHIN GROUP (ORDER BY naam),
         (array_agg(gemeente_code ORDER BY bijgewerkt_op DESC))[1],
         array_agg(DISTINCT bron ORDER BY bron),
         count(DISTINCT bron),
         (array_agg(sector ORDER BY bijgewerkt_op DESC) FILTER (WHERE sector IS NOT NULL))[1],
         coalesce(bool_or(erkend_leerbedrijf), false),
         max(bijgewerkt_op)
  FROM werkgever_bron GROUP BY kvk_nummer`;

export interface MergeCounts {
  kandidaten: number;
  vacatures: number;
  werkgevers: number;
}

export async function rebuildMergedIndex(db: Database): Promise<MergeCounts> {
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM kandidaat; DELETE FROM vacature; DELETE FROM werkgever;');
    await tx.query(MERGE_KANDIDATEN);
    await tx.query(MERGE_VACATURES);
    await tx.query(MERGE_WERKGEVERS);
    const [counts] = await tx.query<{ k: string; v: string; w: string }>(
      'SELECT (SELECT count(*) FROM kandidaat) AS k, (SELECT count(*) FROM vacature) AS v, (SELECT count(*) FROM werkgever) AS w',
    );
    return { kandidaten: Number(counts?.k), vacatures: Number(counts?.v), werkgevers: Number(counts?.w) };
  });
}
