/**
 * Reading a SOAP request in the sandbox: the one operation element inside `soapenv:Body`, with its
 * children as strings. Repeated key elements of an `Opvragen…` operation are always arrays.
 */
import { XMLParser } from 'fast-xml-parser';

export interface SoapOperation {
  /** Element name of the operation, e.g. `ZoekKlanten`. */
  name: string;
  content: Record<string, unknown>;
}

/** The request was not a usable SOAP request; answered with a `soapenv:Client` fault. */
export class SoapClientError extends Error {}

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (_name, jpath) => typeof jpath === 'string' && /^Envelope\.Body\.Opvragen\w+\.\w+$/.test(jpath),
});

export function parseSoapRequest(body: string): SoapOperation {
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    throw new SoapClientError('Bericht is geen geldige XML');
  }
  const soapBody = child(child(document, 'Envelope'), 'Body');
  const names = soapBody ? Object.keys(soapBody) : [];
  const [name] = names;
  if (!soapBody || names.length !== 1 || name === undefined) throw new SoapClientError('Verwacht precies één operatie in soapenv:Body');
  const content = soapBody[name];
  return { name, content: isRecord(content) ? content : {} };
}

function child(node: unknown, name: string): Record<string, unknown> | undefined {
  if (!isRecord(node)) return undefined;
  const value = node[name];
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
