/**
 * Native UWV payloads → canonical records and loket index records. The BSN is replaced by its
 * pseudonym here, the moment a validated klant is mapped; it goes no further.
 */
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from '../kit/index-records.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { doelgroepenVanKlant } from './doelgroepen.js';
import type { InstrumentPayload, KlantPayload, VacaturePayload, WerkgeverPayload } from './payload-schemas.js';
import type { UwvKlant, UwvWerkgeverRelatie, WerkNlVacature } from './records.js';

export function toUwvKlant(payload: KlantPayload, pseudonymize: Pseudonymize): UwvKlant {
  return {
    id: pseudonymize(payload.Burgerservicenr),
    voornamen: payload.Voornamen,
    voorvoegsel: payload.Voorvoegsel || null,
    achternaam: payload.SignificantDeelVanDeAchternaam,
    geboortedatum: payload.Geboortedat,
    gemeenteCode: payload.Gemeentecode,
    uitkering: payload.Uitkering?.SrtUitkering ?? null,
    doelgroepregister: payload.IndDoelgroepregister,
    beschutWerk: payload.IndBeschutWerk,
    beroepscode: payload.BeroepCd ?? null,
    ingeschrevenSinds: payload.DatInschrijving,
    competenties: payload.Competenties,
    werkDenkNiveau: payload.WerkDenkniveau ?? null,
    beschikbaarPer: payload.DatBeschikbaar ?? null,
    bijgewerktOp: payload.DatTijdWijziging,
  };
}

export function toWerkgeverRelatie(payload: WerkgeverPayload): UwvWerkgeverRelatie {
  return {
    kvkNummer: payload.KvKnr,
    handelsnaam: payload.Handelsnaam,
    gemeenteCode: payload.Gemeentecode,
    accountmanager: payload.Accountmanager,
    laatsteContact: payload.DatLaatsteContact,
    aantalContactmomenten: payload.AantContactmomenten,
    bijgewerktOp: payload.DatTijdWijziging,
  };
}

export function toWerkNlVacature(payload: VacaturePayload): WerkNlVacature {
  return {
    id: vacatureId(payload.KvKnr, payload.Functienaam, payload.Postcd),
    vacaturenummer: payload.Vacaturenr,
    kvkNummer: payload.KvKnr,
    titel: payload.Functienaam,
    soort: payload.SrtVacature,
    beroepscode: payload.BeroepCd ?? null,
    gemeenteCode: payload.Gemeentecode,
    postcode: payload.Postcd,
    urenPerWeek: payload.UrenPerWeek ?? null,
    werkDenkNiveau: payload.WerkDenkniveau ?? null,
    banenafspraak: payload.IndBanenafspraak,
    omschrijving: payload.Omschrijving,
    geplaatstOp: payload.DatPlaatsing,
    bijgewerktOp: payload.DatTijdWijziging,
  };
}

export function toIndexKandidaat(klant: UwvKlant, vandaag: Date): IndexKandidaat {
  return {
    id: klant.id,
    bron: 'UWV',
    gemeenteCode: klant.gemeenteCode,
    doelgroepen: doelgroepenVanKlant(klant, vandaag),
    competenties: klant.competenties,
    werkDenkNiveau: klant.werkDenkNiveau,
    beschikbaarPer: klant.beschikbaarPer,
    bijgewerktOp: klant.bijgewerktOp,
  };
}

export function toIndexWerkgever(relatie: UwvWerkgeverRelatie): IndexWerkgever {
  return { kvkNummer: relatie.kvkNummer, bron: 'UWV', naam: relatie.handelsnaam, gemeenteCode: relatie.gemeenteCode, bijgewerktOp: relatie.bijgewerktOp };
}

export function toIndexVacature(vacature: WerkNlVacature): IndexVacature {
  return {
    id: vacature.id,
    bron: 'UWV',
    soort: vacature.soort,
    titel: vacature.titel,
    kvkNummer: vacature.kvkNummer,
    gemeenteCode: vacature.gemeenteCode,
    postcode: vacature.postcode,
    beroepscode: vacature.beroepscode,
    werkDenkNiveau: vacature.werkDenkNiveau,
    urenPerWeek: vacature.urenPerWeek,
    doelgroepen: vacature.banenafspraak ? ['BANENAFSPRAAK'] : [],
    geplaatstOp: vacature.geplaatstOp,
    bijgewerktOp: vacature.bijgewerktOp,
  };
}

export function toIndexInstrument(payload: InstrumentPayload): IndexInstrument {
  return {
    id: payload.InstrumentCd,
    bron: 'UWV',
    naam: payload.Naam,
    soort: payload.SrtInstrument,
    gemeenteCode: null,
    regioCode: null,
    doelgroepen: payload.Doelgroepen,
    voorwaarden: payload.Voorwaarden,
    maxBedrag: payload.MaxBedrag ?? null,
    maxDuurMaanden: payload.MaxDuurMnd ?? null,
    bijgewerktOp: payload.DatTijdWijziging,
  };
}
