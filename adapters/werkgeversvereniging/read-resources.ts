/**
 * Validates the resources of one JSON:API document record by record: the good ones come back as
 * canonical records, each bad one as a `PartnerRecordIssue` naming the resource id and field.
 */
import type { IndexInstrument } from '../kit/index-records.js';
import { type IdentifiedRecords, type Validated, field, validateIdentified, validateRecords } from '../kit/validate.js';
import { type JsonApiDocument, includedFor } from './jsonapi-parser.js';
import { toIndexInstrument, toVacature, toWerkgever } from './map.js';
import { InstrumentResource, VacatureIdentiteit, VacatureResource, WerkgeverResource } from './payload-schemas.js';
import type { WvVacature, WvWerkgever } from './records.js';
import type { WvSource } from './source.js';

function context(source: WvSource, recordSoort: string) {
  return { bron: source.bron, bronSysteem: source.bronSysteem, recordSoort, recordKey: (raw: unknown) => field(raw, 'id') };
}

/**
 * A werkgever resource with the attributes of its included membership joined in as `lidmaatschap`
 * (undefined when the document lacks it, which the schema reports).
 */
function joinLidmaatschap(document: JsonApiDocument, resource: unknown): unknown {
  if (!resource || typeof resource !== 'object') return resource;
  const included = includedFor(document, resource, 'lidmaatschap');
  const attributes = included && typeof included === 'object' && 'attributes' in included ? included.attributes : included;
  return { ...resource, lidmaatschap: attributes };
}

export function readWerkgevers(document: JsonApiDocument, source: WvSource): Validated<WvWerkgever> {
  const raws = document.data.map((resource) => joinLidmaatschap(document, resource));
  const { records, issues } = validateRecords(WerkgeverResource, raws, context(source, 'werkgever'));
  return { records: records.map(toWerkgever), issues };
}

/** Vacancies keyed by the association's own id. */
export function readVacatures(document: JsonApiDocument, source: WvSource): Validated<{ sleutel: string; vacature: WvVacature }> {
  const { records, issues } = validateRecords(VacatureResource, document.data, context(source, 'vacature'));
  return { records: records.map((resource) => ({ sleutel: resource.id, vacature: toVacature(resource) })), issues };
}

/** Vacancies identity first: also those whose identity is readable but another field is bad, so they can still be registered. */
export function readVacatureIdentiteiten(document: JsonApiDocument, source: WvSource): IdentifiedRecords<VacatureIdentiteit, VacatureResource> {
  return validateIdentified(VacatureIdentiteit, VacatureResource, document.data, context(source, 'vacature'));
}

export function readInstrumenten(document: JsonApiDocument, source: WvSource): Validated<IndexInstrument> {
  const { records, issues } = validateRecords(InstrumentResource, document.data, context(source, 'instrument'));
  return { records: records.map(toIndexInstrument), issues };
}
