/**
 * Writing UWV XML in the sandbox: escaped elements, the SOAP 1.1 envelope around every answer, and
 * the SOAP Fault (HTTP 500) that Suwinet-style services return for a bad request.
 */
import type { SandboxResponse } from '../kit/partner-server.js';

export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** `<name>value</name>`, escaped; nothing at all when the value is absent (Suwinet omits empty elements). */
export function element(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>…children…</name>` around already rendered XML. */
export function group(name: string, children: string): string {
  return `<${name}>${children}</${name}>`;
}

export function soapEnvelope(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_NS}"><soapenv:Body>${bodyXml}</soapenv:Body></soapenv:Envelope>`;
}

export function soapResponse(bodyXml: string): SandboxResponse {
  return { status: 200, contentType: XML_CONTENT_TYPE, body: soapEnvelope(bodyXml) };
}

/** A SOAP Fault: `Client` when the request was wrong, `Server` when the service failed. */
export function soapFault(code: 'Client' | 'Server', message: string): SandboxResponse {
  const fault = group('soapenv:Fault', element('faultcode', `soapenv:${code}`) + element('faultstring', message));
  return { status: 500, contentType: XML_CONTENT_TYPE, body: soapEnvelope(fault) };
}
