/**
 * One Suwinet-style SOAP service of the sandbox (`POST /suwi/<Name>Service`): a paged `Zoek…`
 * operation over the whole list (`Pagina` from 1, `PaginaGrootte` at most 500) answering with
 * `AantalTotaal` and the page's elements, and an optional `Opvragen…` operation that returns the
 * records for a batch of at most 500 keys (unknown keys are left out). Bad requests get a SOAP Fault.
 */
import type { SandboxRoute, SandboxResponse } from '../kit/partner-server.js';
import { SoapClientError, parseSoapRequest, type SoapOperation } from './request.js';
import { element, group, soapFault, soapResponse } from './xml.js';

export const MAX_PAGINA_GROOTTE = 500;
export const STANDAARD_PAGINA_GROOTTE = 100;
export const MAX_SLEUTELS = 500;

export interface SoapServiceDefinition<T> {
  /** e.g. `KlantService`; the path is `/suwi/<name>` and the request counter has this name. */
  name: string;
  /** Paged list operation, e.g. `ZoekKlanten`. */
  zoek: string;
  /** Batch lookup by the partner's own key, when the service offers one. */
  opvragen?: { operation: string; sleutel: string; index: ReadonlyMap<string, T> };
  records: readonly T[];
  render(record: T): string;
}

export function soapServiceRoute<T>(definition: SoapServiceDefinition<T>): SandboxRoute {
  return {
    method: 'POST',
    path: `/suwi/${definition.name}`,
    name: definition.name,
    handle: (request) => {
      try {
        return answer(definition, parseSoapRequest(request.body));
      } catch (error) {
        if (error instanceof SoapClientError) return soapFault('Client', error.message);
        throw error;
      }
    },
  };
}

function answer<T>(definition: SoapServiceDefinition<T>, operation: SoapOperation): SandboxResponse {
  if (operation.name === definition.zoek) return zoek(definition, operation);
  const opvragen = definition.opvragen;
  if (opvragen && operation.name === opvragen.operation) {
    const found = sleutels(operation, opvragen.sleutel).flatMap((key) => {
      const record = opvragen.index.get(key);
      return record === undefined ? [] : [definition.render(record)];
    });
    return soapResponse(group(`${operation.name}Response`, found.join('')));
  }
  throw new SoapClientError(`Onbekende operatie ${operation.name} voor ${definition.name}`);
}

function zoek<T>(definition: SoapServiceDefinition<T>, operation: SoapOperation): SandboxResponse {
  const pagina = geheelGetal(operation.content, 'Pagina', 1);
  const grootte = geheelGetal(operation.content, 'PaginaGrootte', STANDAARD_PAGINA_GROOTTE);
  if (pagina < 1) throw new SoapClientError('Pagina begint bij 1');
  if (grootte < 1 || grootte > MAX_PAGINA_GROOTTE) throw new SoapClientError(`PaginaGrootte moet tussen 1 en ${MAX_PAGINA_GROOTTE} liggen`);
  const start = (pagina - 1) * grootte;
  const page = definition.records.slice(start, start + grootte).map((record) => definition.render(record));
  return soapResponse(group(`${operation.name}Response`, element('AantalTotaal', definition.records.length) + page.join('')));
}

function geheelGetal(content: Record<string, unknown>, name: string, fallback: number): number {
  const value = content[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) throw new SoapClientError(`${name} moet een geheel getal zijn`);
  return Number(value);
}

function sleutels(operation: SoapOperation, name: string): string[] {
  const raw = operation.content[name];
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  if (values.length === 0) throw new SoapClientError(`${operation.name} vraagt minstens één ${name}`);
  if (values.length > MAX_SLEUTELS) throw new SoapClientError(`${operation.name} vraagt hoogstens ${MAX_SLEUTELS} ${name} per bericht`);
  return values;
}
