/**
 * HTTP access to the SW-bedrijven: one partner HTTP client per company (each its own source system),
 * downloading whole export files and posting files to its import (contact moments) through the same
 * client. Failures become a `PartnerUnavailableError` naming the company.
 */
import type { AxiosInstance } from 'axios';
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import { createPartnerHttp } from '../kit/http.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';

export type SwExportBestand = 'medewerkers' | 'werkgevers' | 'instrumenten';

export interface SwBedrijfClient {
  /** The CSV text of one export file of one SW-bedrijf. */
  download(bronSysteem: string, bestand: SwExportBestand): Promise<string>;
  /** Posts a CSV file to one SW-bedrijf's import (`/import/<bestand>.csv`); answers the import's receipt. */
  importeer(bronSysteem: string, bestand: 'contactmomenten', csv: string): Promise<string>;
}

export function createSwBedrijfClient(bedrijven: readonly RegionaleBronConfig[], timeoutMs?: number): SwBedrijfClient {
  const clients = new Map<string, AxiosInstance>(
    bedrijven.map((bron) => [bron.id, createPartnerHttp({ bron: 'SW_BEDRIJF', bronSysteem: bron.id, baseURL: bron.url, timeoutMs })]),
  );
  const clientVoor = (bronSysteem: string): AxiosInstance => {
    const http = clients.get(bronSysteem);
    if (!http) throw new PartnerUnavailableError('SW_BEDRIJF', bronSysteem, 'NIET_GECONFIGUREERD');
    return http;
  };
  return {
    async download(bronSysteem, bestand) {
      const http = clientVoor(bronSysteem);
      const response = await http.get<unknown>(`/export/${bestand}.csv`, { headers: { accept: 'text/csv' } });
      if (typeof response.data !== 'string') throw new PartnerUnavailableError('SW_BEDRIJF', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `${bestand}.csv: no text in the response` });
      return response.data;
    },
    async importeer(bronSysteem, bestand, csv) {
      const response = await clientVoor(bronSysteem).post<unknown>(`/import/${bestand}.csv`, csv, { headers: { 'content-type': 'text/csv; charset=utf-8', accept: 'text/csv' } });
      if (typeof response.data !== 'string') throw new PartnerUnavailableError('SW_BEDRIJF', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `${bestand}.csv import: no text in the response` });
      return response.data;
    },
  };
}
