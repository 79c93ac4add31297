/**
 * Maps validated SBB payloads to canonical records: what the subgraph serves (diplomas, erkenningen,
 * leerbaan) and what the loket index holds (ids and matching attributes only).
 */
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from '../kit/index-records.js';
import { vacatureId } from '../kit/vacature-id.js';
import { doelgroepenVanDeelnemer } from './doelgroepen.js';
import type { DeelnemerPayload, InstrumentPayload, LeerbaanPayload, LeerbedrijfPayload } from './payload-schemas.js';
import type { OnderwijsGegevens, OnderwijsLeerbaan, SbbLeerbedrijf } from './records.js';

export function toOnderwijsGegevens(payload: DeelnemerPayload): OnderwijsGegevens {
  return {
    diplomas: payload.diplomas.map((d) => ({ crebo: d.creboCode, opleiding: d.opleiding, niveau: d.niveau, soort: d.soort, behaaldOp: d.behaaldOp })),
    bijgewerktOp: payload.gewijzigdOp,
  };
}

export function toIndexKandidaat(payload: DeelnemerPayload, pseudonym: string, now: Date): IndexKandidaat {
  return {
    id: pseudonym,
    bron: 'ONDERWIJS',
    gemeenteCode: payload.woongemeente,
    doelgroepen: doelgroepenVanDeelnemer(payload.geboortedatum, now),
    competenties: [],
    werkDenkNiveau: null,
    beschikbaarPer: null,
    bijgewerktOp: payload.gewijzigdOp,
  };
}

export function toSbbLeerbedrijf(payload: LeerbedrijfPayload): SbbLeerbedrijf {
  return {
    erkend: payload.erkenningen.length > 0,
    erkenningen: payload.erkenningen.map((e) => ({ crebo: e.creboCode, opleiding: e.opleiding, erkendSinds: e.erkendSinds })),
    bijgewerktOp: payload.gewijzigdOp,
  };
}

export function toIndexWerkgever(payload: LeerbedrijfPayload): IndexWerkgever {
  return { kvkNummer: payload.kvkNummer, bron: 'ONDERWIJS', naam: payload.naam, gemeenteCode: payload.vestigingsgemeente, bijgewerktOp: payload.gewijzigdOp, erkendLeerbedrijf: payload.erkenningen.length > 0 };
}

/** The public vacancy id of a leerbaan, shared with copies of the same vacancy at other partners. */
export function leerbaanVacatureId(leerbaan: { kvkNummer: string; titel: string; postcode: string }): string {
  return vacatureId(leerbaan.kvkNummer, leerbaan.titel, leerbaan.postcode);
}

export function toOnderwijsLeerbaan(payload: LeerbaanPayload): OnderwijsLeerbaan {
  return { crebo: payload.creboCode, opleiding: payload.opleiding, leerweg: payload.leerweg };
}

export function toIndexVacature(payload: LeerbaanPayload): IndexVacature {
  return {
    id: leerbaanVacatureId(payload),
    bron: 'ONDERWIJS',
    soort: 'LEERBAAN',
    titel: payload.titel,
    kvkNummer: payload.kvkNummer,
    gemeenteCode: payload.gemeente,
    postcode: payload.postcode,
    beroepscode: null,
    werkDenkNiveau: null,
    urenPerWeek: payload.urenPerWeek,
    doelgroepen: [],
    geplaatstOp: payload.geplaatstOp,
    bijgewerktOp: payload.gewijzigdOp,
  };
}

export function toIndexInstrument(payload: InstrumentPayload): IndexInstrument {
  return {
    id: payload.id,
    bron: 'ONDERWIJS',
    naam: payload.naam,
    soort: payload.soort,
    gemeenteCode: null,
    regioCode: null,
    doelgroepen: payload.doelgroepen,
    voorwaarden: payload.voorwaarden,
    maxBedrag: payload.maxBedrag,
    maxDuurMaanden: payload.maxDuurMaanden,
    bijgewerktOp: payload.gewijzigdOp,
  };
}
