/**
 * Test fixtures: UWV's native SOAP/XML written out by hand, the way UWV sends it, for the adapter's
 * nock tests. Only tests import this file.
 */

/** BSNs that pass the elfproef (test values, not real people). */
export const TEST_BSN = ['111222333', '123456782', '999999990'] as const;

export type Velden = Record<string, string | undefined>;

/** A `<Klant>` of a 40-year-old WW client; `velden` replaces or (with undefined) removes elements. */
export function klantXml(klantnr: string, bsn: string, velden: Velden = {}): string {
  return recordXml('Klant', {
    Klantnr: klantnr,
    Burgerservicenr: bsn,
    Voornamen: 'Jan Willem',
    Voorvoegsel: 'van der',
    SignificantDeelVanDeAchternaam: 'Berg',
    Geboortedat: '19860315',
    Gemeentecode: '0193',
    Postcd: '8011AB',
    Uitkering: '<SrtUitkering>WW</SrtUitkering>',
    IndDoelgroepregister: 'N',
    IndBeschutWerk: 'N',
    BeroepCd: '7115',
    DatInschrijving: '20250102',
    Competenties: '<CompetentieCd>24101</CompetentieCd><CompetentieCd>24107</CompetentieCd>',
    WerkDenkniveau: '3',
    DatBeschikbaar: '20261201',
    DatTijdWijziging: '20261020093000',
    ...velden,
  });
}

export function werkgeverXml(kvk: string, velden: Velden = {}): string {
  return recordXml('Werkgever', {
    KvKnr: kvk,
    Handelsnaam: 'Bakkerij De Korenschoof B.V.',
    Gemeentecode: '0193',
    Accountmanager: 'Petra Jansen',
    DatLaatsteContact: '20261005',
    AantContactmomenten: '7',
    DatTijdWijziging: '20261006120000',
    ...velden,
  });
}

export function vacatureXml(vacaturenr: string, velden: Velden = {}): string {
  return recordXml('Vacature', {
    Vacaturenr: vacaturenr,
    KvKnr: '12345678',
    Functienaam: 'Timmerman',
    SrtVacature: 'BAAN',
    BeroepCd: '7115',
    Gemeentecode: '0193',
    Postcd: '8011AB',
    UrenPerWeek: '36',
    WerkDenkniveau: '3',
    IndBanenafspraak: 'J',
    Omschrijving: 'Bouwbedrijf zoekt een timmerman voor 36 uur per week.',
    DatPlaatsing: '20261015',
    DatTijdWijziging: '20261016080000',
    ...velden,
  });
}

export function instrumentXml(code: string, velden: Velden = {}): string {
  return recordXml('Instrument', {
    InstrumentCd: code,
    Naam: 'No-riskpolis',
    SrtInstrument: 'NO_RISKPOLIS',
    Doelgroepen: '<Doelgroep>BANENAFSPRAAK</Doelgroep><Doelgroep>WAJONG</Doelgroep>',
    Voorwaarden: 'Ziektewet-uitkering bij uitval in de eerste 5 jaar.',
    MaxDuurMnd: '60',
    DatTijdWijziging: '20261001080000',
    ...velden,
  });
}

/** Values are inserted as written: they may hold child elements. */
function recordXml(element: string, velden: Velden): string {
  const children = Object.entries(velden)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([naam, waarde]) => `<${naam}>${waarde}</${naam}>`)
    .join('');
  return `<${element}>${children}</${element}>`;
}

export function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

/** A paged `Zoek…` answer. */
export function zoekAntwoord(operatie: string, aantalTotaal: number, records: string[]): string {
  return envelope(`<${operatie}Response><AantalTotaal>${aantalTotaal}</AantalTotaal>${records.join('')}</${operatie}Response>`);
}

/** An `Opvragen…` answer. */
export function opvraagAntwoord(operatie: string, records: string[]): string {
  return envelope(`<${operatie}Response>${records.join('')}</${operatie}Response>`);
}

export function soapFaultXml(faultstring: string): string {
  return envelope(`<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>${faultstring}</faultstring></soapenv:Fault>`);
}

/** The values of `<name>` elements in a request body, e.g. the Klantnrs asked for. */
export function elementWaarden(body: string, name: string): string[] {
  return [...body.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');
}
