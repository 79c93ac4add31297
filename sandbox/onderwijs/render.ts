/**
 * Renders the onderwijs (SBB/ROC) slice of the world as SBB's service serves it: camelCase JSON
 * records with ISO dates. A slice marked `corrupt` is rendered without one required field (its id
 * field, and for deelnemers the bsn, stay readable), as a buggy export of a real system would.
 */
import { OPLEIDINGEN } from '../generator/catalogus.js';
import type { Deelnemer, Instrument, Leerbedrijf, Persoon, Vacature, Werkgever } from '../generator/world-types.js';

export type NativeRecord = Record<string, unknown>;

const OPLEIDING_NAAM = new Map(OPLEIDINGEN.map((o) => [o.crebo, o.naam]));

/** Drops `field` from a record when the slice is corrupt. */
function withoutWhenCorrupt(record: NativeRecord, corrupt: boolean | undefined, field: string): NativeRecord {
  if (!corrupt) return record;
  const { [field]: _dropped, ...rest } = record;
  return rest;
}

export function renderDeelnemer(persoon: Persoon, deelnemer: Deelnemer): NativeRecord {
  const record: NativeRecord = {
    deelnemernummer: deelnemer.deelnemernummer,
    bsn: persoon.bsn,
    geboortedatum: persoon.geboortedatum,
    woongemeente: persoon.gemeenteCode,
    diplomas: deelnemer.diplomas.map((d) => ({ creboCode: d.crebo, opleiding: d.naam, niveau: d.niveau, soort: d.soort, behaaldOp: d.datum })),
    gewijzigdOp: deelnemer.bijgewerktOp,
  };
  return withoutWhenCorrupt(record, deelnemer.corrupt, 'geboortedatum');
}

export function renderLeerbedrijf(werkgever: Werkgever, leerbedrijf: Leerbedrijf): NativeRecord {
  const record: NativeRecord = {
    kvkNummer: werkgever.kvkNummer,
    naam: werkgever.naam,
    vestigingsgemeente: werkgever.gemeenteCode,
    erkenningen: leerbedrijf.erkenningen.map((e) => ({ creboCode: e.crebo, opleiding: e.opleiding, erkendSinds: e.sinds })),
    gewijzigdOp: leerbedrijf.bijgewerktOp,
  };
  return withoutWhenCorrupt(record, leerbedrijf.corrupt, 'erkenningen');
}

export function renderLeerbaan(vacature: Vacature, leerbaan: NonNullable<Vacature['onderwijs']>): NativeRecord {
  const record: NativeRecord = {
    id: leerbaan.leerbaanId,
    kvkNummer: vacature.kvkNummer,
    titel: vacature.titel,
    creboCode: leerbaan.crebo,
    opleiding: opleidingNaam(leerbaan.crebo),
    leerweg: 'BBL',
    gemeente: vacature.gemeenteCode,
    postcode: vacature.postcode,
    urenPerWeek: vacature.urenPerWeek,
    geplaatstOp: vacature.geplaatstOp,
    gewijzigdOp: vacature.bijgewerktOp,
  };
  return withoutWhenCorrupt(record, leerbaan.corrupt, 'geplaatstOp');
}

export function renderInstrument(instrument: Instrument): NativeRecord {
  const record: NativeRecord = {
    id: instrument.id,
    naam: instrument.naam,
    soort: instrument.soort,
    doelgroepen: instrument.doelgroepen,
    voorwaarden: instrument.voorwaarden,
    maxBedrag: instrument.maxBedrag,
    maxDuurMaanden: instrument.maxDuurMaanden,
    gewijzigdOp: instrument.bijgewerktOp,
  };
  return withoutWhenCorrupt(record, instrument.corrupt, 'soort');
}

function opleidingNaam(crebo: string): string {
  const naam = OPLEIDING_NAAM.get(crebo);
  if (naam === undefined) throw new Error(`sandbox onderwijs: crebo ${crebo} is not in the catalogue`);
  return naam;
}
