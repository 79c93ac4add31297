/**
 * HTTP calls to UWV's SOAP services through the adapter kit's partner client: one paged `Zoek…`
 * call or one batched `Opvragen…` call per method, answering the raw record elements for the
 * readers to validate. A SOAP Fault (HTTP 500) or an unusable answer is a `PartnerUnavailableError`.
 * Writing operations (`verstuur`, e.g. registering a contact moment) go through the same client, so
 * they share the source system's breaker, concurrency cap and deadline with the reads.
 */
import { createPartnerHttp } from '../kit/http.js';
import { aantalTotaal, leesSoapAntwoord, recordElementen } from './soap-response.js';
import { soapRequest } from './soap-request.js';

/** UWV's own limit for `PaginaGrootte` and for keys in one `Opvragen…` request. */
export const UWV_MAX_PER_BERICHT = 500;

export interface UwvDienst {
  pad: string;
  zoek: string;
  /** Record element in the answer, e.g. `Klant`. */
  element: string;
  opvragen?: { operatie: string; sleutel: string };
}

export const UWV_DIENSTEN = {
  klanten: { pad: '/suwi/KlantService', zoek: 'ZoekKlanten', element: 'Klant', opvragen: { operatie: 'OpvragenKlanten', sleutel: 'Klantnr' } },
  werkgevers: { pad: '/suwi/WerkgeverService', zoek: 'ZoekWerkgevers', element: 'Werkgever', opvragen: { operatie: 'OpvragenWerkgevers', sleutel: 'KvKnr' } },
  vacatures: { pad: '/suwi/VacatureService', zoek: 'ZoekVacatures', element: 'Vacature', opvragen: { operatie: 'OpvragenVacatures', sleutel: 'Vacaturenr' } },
  instrumenten: { pad: '/suwi/InstrumentService', zoek: 'ZoekInstrumenten', element: 'Instrument' },
} as const satisfies Record<string, UwvDienst>;

export type UwvLijst = keyof typeof UWV_DIENSTEN;
export type UwvOpvraagbaar = { [K in UwvLijst]: (typeof UWV_DIENSTEN)[K] extends { opvragen: object } ? K : never }[UwvLijst];

export interface UwvPagina {
  aantalTotaal: number;
  records: unknown[];
}

export interface UwvClient {
  bronSysteem: string;
  /** One page (from 1) of a list. */
  zoek(lijst: UwvLijst, pagina: number, paginaGrootte: number): Promise<UwvPagina>;
  /** The records for at most 500 keys, in one request; unknown keys are absent. */
  opvragen(lijst: UwvOpvraagbaar, sleutels: readonly string[]): Promise<unknown[]>;
  /** One operation of the service at `pad`, answering UWV's raw SOAP text (a Fault, HTTP 500, included). */
  verstuur(pad: string, operatie: string, kinderen: readonly (readonly [string, string | number])[]): Promise<string>;
}

export interface UwvClientOptions {
  baseURL: string;
  bronSysteem: string;
  timeoutMs?: number;
}

export function createUwvClient(options: UwvClientOptions): UwvClient {
  const http = createPartnerHttp({ bron: 'UWV', bronSysteem: options.bronSysteem, baseURL: options.baseURL, timeoutMs: options.timeoutMs });

  async function verstuur(pad: string, operatie: string, kinderen: readonly (readonly [string, string | number])[]): Promise<string> {
    const response = await http.post<string>(pad, soapRequest(operatie, kinderen), {
      headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: operatie },
      // A SOAP Fault comes with HTTP 500; read it to report UWV's own fault text.
      validateStatus: (status) => (status >= 200 && status < 300) || status === 500,
    });
    return response.data;
  }

  async function call(dienst: UwvDienst, operatie: string, kinderen: readonly (readonly [string, string | number])[]) {
    return leesSoapAntwoord(await verstuur(dienst.pad, operatie, kinderen), `${operatie}Response`, options.bronSysteem);
  }

  return {
    bronSysteem: options.bronSysteem,
    async zoek(lijst, pagina, paginaGrootte) {
      const dienst = UWV_DIENSTEN[lijst];
      const antwoord = await call(dienst, dienst.zoek, [
        ['Pagina', pagina],
        ['PaginaGrootte', Math.min(paginaGrootte, UWV_MAX_PER_BERICHT)],
      ]);
      return { aantalTotaal: aantalTotaal(antwoord, options.bronSysteem), records: recordElementen(antwoord, dienst.element) };
    },
    async opvragen(lijst, sleutels) {
      if (sleutels.length > UWV_MAX_PER_BERICHT) throw new RangeError(`at most ${UWV_MAX_PER_BERICHT} keys per UWV request`);
      const dienst = UWV_DIENSTEN[lijst];
      const antwoord = await call(dienst, dienst.opvragen.operatie, sleutels.map((s) => [dienst.opvragen.sleutel, s] as const));
      return recordElementen(antwoord, dienst.element);
    },
    verstuur,
  };
}
