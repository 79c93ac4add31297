/** Builds the SOAP 1.1 request envelopes the UWV services expect: one operation with flat children. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** `soapRequest('OpvragenKlanten', [['Klantnr', 'U1'], ['Klantnr', 'U2']])`. */
export function soapRequest(operatie: string, kinderen: readonly (readonly [string, string | number])[]): string {
  const body = kinderen.map(([naam, waarde]) => `<${naam}>${escapeXml(String(waarde))}</${naam}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><${operatie}>${body}</${operatie}></soapenv:Body></soapenv:Envelope>`;
}
