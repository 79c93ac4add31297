/**
 * Maps validated gemeente records to canonical records (what the subgraph serves) and to index
 * records (what the loket index holds). The BSN is replaced by the pseudonym here and goes no further.
 */
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from '../kit/index-records.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import type { GemeenteDossier, GemeenteWerkgeverRelatie, WspVacature } from './canonical.js';
import { klantDoelgroepen } from './doelgroepen.js';
import type { InstrumentRecord, KlantRecord, VacatureRecord, WerkgeverRecord } from './payload-schemas.js';

export function volledigeNaam(klant: Pick<KlantRecord, 'voornamen' | 'tussenvoegsel' | 'achternaam'>): string {
  return [klant.voornamen, klant.tussenvoegsel, klant.achternaam].filter((deel) => deel).join(' ');
}

export function toDossier(klant: KlantRecord, bronSysteem: string): GemeenteDossier {
  return {
    bronSysteem,
    gemeenteCode: klant.gemeentecode,
    naam: volledigeNaam(klant),
    geboortedatum: klant.geboortedatum,
    regeling: klant.regeling,
    participatieladderTrede: klant.participatieladder_trede,
    klantmanager: klant.klantmanager,
    inBeeldSinds: klant.in_beeld_sinds,
    statushouder: klant.statushouder,
    bijgewerktOp: klant.gewijzigd_op,
  };
}

export function toRelatie(werkgever: WerkgeverRecord, bronSysteem: string): GemeenteWerkgeverRelatie {
  return {
    kvkNummer: werkgever.kvk_nummer,
    bronSysteem,
    gemeenteCode: werkgever.gemeentecode,
    accountmanager: werkgever.accountmanager,
    lksPlaatsingen: werkgever.lks_plaatsingen,
    laatsteContact: werkgever.laatste_contact,
    bijgewerktOp: werkgever.gewijzigd_op,
  };
}

export function vacatureIdVan(vacature: Pick<VacatureRecord, 'kvk_nummer' | 'titel' | 'postcode'>): string {
  return vacatureId(vacature.kvk_nummer, vacature.titel, vacature.postcode);
}

export function toWspVacature(vacature: VacatureRecord, bronSysteem: string): WspVacature {
  return { id: vacatureIdVan(vacature), bronSysteem, nummer: vacature.nummer, omschrijving: vacature.omschrijving, gemeenteCode: vacature.gemeentecode };
}

export function toIndexKandidaat(klant: KlantRecord, pseudonymize: Pseudonymize, vandaag: Date): IndexKandidaat {
  return {
    id: pseudonymize(klant.bsn),
    bron: 'GEMEENTE',
    gemeenteCode: klant.gemeentecode,
    doelgroepen: klantDoelgroepen(klant, vandaag),
    competenties: klant.competenties,
    werkDenkNiveau: klant.werk_denkniveau,
    beschikbaarPer: klant.beschikbaar_per,
    bijgewerktOp: klant.gewijzigd_op,
  };
}

export function toIndexWerkgever(werkgever: WerkgeverRecord): IndexWerkgever {
  return { kvkNummer: werkgever.kvk_nummer, bron: 'GEMEENTE', naam: werkgever.handelsnaam, gemeenteCode: werkgever.gemeentecode, bijgewerktOp: werkgever.gewijzigd_op };
}

export function toIndexVacature(vacature: VacatureRecord): IndexVacature {
  return {
    id: vacatureIdVan(vacature),
    bron: 'GEMEENTE',
    soort: vacature.soort,
    titel: vacature.titel,
    kvkNummer: vacature.kvk_nummer,
    gemeenteCode: vacature.gemeentecode,
    postcode: vacature.postcode,
    beroepscode: vacature.beroepscode,
    werkDenkNiveau: vacature.werk_denkniveau,
    urenPerWeek: vacature.uren_per_week,
    doelgroepen: vacature.banenafspraak ? ['BANENAFSPRAAK'] : [],
    geplaatstOp: vacature.geplaatst_op,
    bijgewerktOp: vacature.gewijzigd_op,
  };
}

export function toIndexInstrument(instrument: InstrumentRecord): IndexInstrument {
  return {
    id: instrument.id,
    bron: 'GEMEENTE',
    naam: instrument.naam,
    soort: instrument.soort,
    gemeenteCode: instrument.gemeentecode,
    regioCode: null,
    doelgroepen: instrument.doelgroepen,
    voorwaarden: instrument.voorwaarden,
    maxBedrag: instrument.max_bedrag,
    maxDuurMaanden: instrument.max_duur_maanden,
    bijgewerktOp: instrument.gewijzigd_op,
  };
}
