import { describe, expect, it } from 'vitest';
import { AuditUnavailableError, createAuditTrail, type AuditRecord, type AuditSink } from './audit-trail.js';

function recordingSink(fail = false): AuditSink & { calls: AuditRecord[][] } {
  const calls: AuditRecord[][] = [];
  return {
    calls,
    async vastleggen(records) {
      calls.push(records);
      if (fail) throw new Error('logboek down');
    },
  };
}

const options = (sink: AuditSink) => ({
  sink,
  resource: 'een-loket/uwv',
  authorization: 'Bearer x',
  verzoek: 'e'.repeat(32),
  purpose: { doelbinding: 're-integratie', verwerking: 'klantdossier-inzien' },
  traceId: 'a'.repeat(32),
  parentSpanId: 'b'.repeat(16),
});

describe('audit trail of one request', () => {
  it('writes the reads of one turn in one call, one record per data subject', async () => {
    const sink = recordingSink();
    const trail = createAuditTrail(options(sink));
    await Promise.all([trail.record('kd_1', 'Kandidaat.uwvDossier'), trail.record('kd_2', 'Kandidaat.uwvDossier'), trail.record('kd_1', 'Kandidaat.gemeenteDossier')]);
    expect(sink.calls).toHaveLength(1);
    const records = sink.calls[0]!;
    expect(records.map((r) => [r.betrokkene, r.velden])).toEqual([
      ['kd_1', ['Kandidaat.gemeenteDossier', 'Kandidaat.uwvDossier']],
      ['kd_2', ['Kandidaat.uwvDossier']],
    ]);
    expect(records[0]).toMatchObject({ traceId: 'a'.repeat(32), parentSpanId: 'b'.repeat(16), resource: 'een-loket/uwv', verwerkingsactiviteit: 'klantdossier-inzien', doelbinding: 're-integratie', status: 'OK' });
    expect(records[0]!.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(records[0]!.spanId).not.toBe(records[1]!.spanId);
  });

  it('rejects every read of a batch the logboek did not confirm', async () => {
    const trail = createAuditTrail(options(recordingSink(true)));
    const results = await Promise.allSettled([trail.record('kd_1', 'Kandidaat.uwvDossier'), trail.record('kd_2', 'Kandidaat.uwvDossier')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(AuditUnavailableError);
  });

  it('marks a subject ERROR when a read of it failed', async () => {
    const sink = recordingSink();
    const trail = createAuditTrail(options(sink));
    await Promise.all([trail.record('kd_1', 'Kandidaat.uwvDossier', 'ERROR')]);
    expect(sink.calls[0]![0]!.status).toBe('ERROR');
  });
});
