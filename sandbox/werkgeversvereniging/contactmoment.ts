/**
 * The associations' intake of contact moments with member employers, as JSON:API resource creation:
 * `POST /jsonapi/contactmomenten`, `Content-Type: application/vnd.api+json`, body
 * `{ data: { type: 'contactmomenten', attributes } }` with camelCase attributes in the associations'
 * vocabulary (`kvkNummer`, `datum` `YYYY-MM-DD`, `kanaal` bezoek|telefoon|mail, `status`
 * gepland|gedaan, `medewerker`, `onderwerp`, `vestigingsgemeente`, `arbeidsmarktregio`,
 * `organisatie`). JSON:API has no idempotency of its own, so the contact's key comes in the
 * `Idempotency-Key` header. Answers 201 with the created resource document (and `Location`), 200
 * with the same document for a key used before; errors are JSON:API `errors` documents whose
 * `source` points at the attribute (`/data/attributes/kanaal`) or names the header: 400 for bad
 * input, 409 for another resource type, 403 for a client-generated id, 415 for another media type.
 */
import { z } from 'zod';
import type { ContactInbox } from '../kit/contact-inbox.js';
import { codeVeld, datumVeld, eersteVeldFout, gemeentecodeVeld, kvkVeld, regioVeld, sleutelVeld, tekstVeld } from '../kit/contact-velden.js';
import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../kit/partner-server.js';
import { JSONAPI_MEDIA_TYPE, JsonApiRequestError, jsonApiErrors } from './jsonapi-document.js';

const TYPE = 'contactmomenten';

/** The associations' id of a contact moment. */
export const wvContactId = (volgnummer: number): string => `cm-${String(volgnummer).padStart(6, '0')}`;

const Attributes = z.object({
  kvkNummer: kvkVeld,
  datum: datumVeld('JJJJ-MM-DD'),
  kanaal: codeVeld(['bezoek', 'telefoon', 'mail']),
  status: codeVeld(['gepland', 'gedaan']),
  medewerker: tekstVeld(200),
  onderwerp: tekstVeld(500),
  vestigingsgemeente: gemeentecodeVeld,
  arbeidsmarktregio: regioVeld,
  organisatie: tekstVeld(100),
});

const Document = z.object({ data: z.object({ type: z.string(), id: z.unknown().optional(), attributes: z.record(z.string(), z.unknown()) }) });

function fout(status: number, code: string, title: string, detail: string, source: { pointer: string } | { header: string }): JsonApiRequestError {
  return new JsonApiRequestError({ status: String(status), code, title, detail, source });
}

/** The key and the checked attributes of a create request; throws the JSON:API error otherwise. */
function leesAanmaak(request: SandboxRequest): { sleutel: string; attributes: z.output<typeof Attributes> } {
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.trim() !== JSONAPI_MEDIA_TYPE) throw fout(415, 'unsupported-media-type', 'Unsupported Media Type', `Content-Type must be ${JSONAPI_MEDIA_TYPE} without parameters`, { header: 'Content-Type' });
  const sleutel = sleutelVeld.safeParse(request.headers['idempotency-key']);
  if (!sleutel.success) throw fout(400, 'invalid-idempotency-key', 'Invalid header', `Idempotency-Key ${eersteVeldFout(sleutel.error).melding}`, { header: 'Idempotency-Key' });
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    throw fout(400, 'invalid-document', 'Invalid document', 'the request body is not JSON', { pointer: '' });
  }
  const document = Document.safeParse(json);
  if (!document.success) throw fout(400, 'invalid-document', 'Invalid document', `/${document.error.issues[0]?.path.join('/') ?? 'data'} is missing or not an object`, { pointer: `/${document.error.issues[0]?.path.join('/') ?? 'data'}` });
  const { data } = document.data;
  if (data.type !== TYPE) throw fout(409, 'type-conflict', 'Conflict', `data.type must be ${TYPE}`, { pointer: '/data/type' });
  if (data.id !== undefined) throw fout(403, 'client-generated-id', 'Forbidden', 'client-generated ids are not supported', { pointer: '/data/id' });
  const attributes = Attributes.safeParse(data.attributes);
  if (!attributes.success) {
    const { veld, melding } = eersteVeldFout(attributes.error);
    throw fout(400, 'invalid-attribute', 'Invalid attribute', `${veld} ${melding}`, { pointer: `/data/attributes/${veld}` });
  }
  return { sleutel: sleutel.data, attributes: attributes.data };
}

function aanmaken(inbox: ContactInbox, bronSysteem: string, request: SandboxRequest): SandboxResponse {
  const { sleutel, attributes } = leesAanmaak(request);
  const ontvangst = inbox.receive(bronSysteem, sleutel, attributes);
  const self = `/jsonapi/${TYPE}/${ontvangst.referentie}`;
  const document = { jsonapi: { version: '1.1' }, data: { type: TYPE, id: ontvangst.referentie, attributes: ontvangst.velden, links: { self } } };
  return { status: ontvangst.nieuw ? 201 : 200, contentType: JSONAPI_MEDIA_TYPE, headers: { location: self }, body: JSON.stringify(document) };
}

export function wvContactmomentRoute(inbox: ContactInbox, bronSysteem: string): SandboxRoute {
  return { method: 'POST', path: `/jsonapi/${TYPE}`, name: TYPE, handle: jsonApiErrors((request) => aanmaken(inbox, bronSysteem, request)) };
}
