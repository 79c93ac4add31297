-- The shared WSP contact register: contact moments with employers, the regional accountmanager per
-- employer, the idempotency keys of the writes, and the outbox of deliveries to the registering
-- organisation's own system. Rows are never deleted.

-- One write per (organisation, key): the first request's body hash and result; a repeat returns that
-- result, a different body with the same key is refused. The primary key makes two concurrent requests
-- with one key wait for each other, so only one of them writes.
CREATE TABLE idempotentie (
  organisatie text NOT NULL,
  sleutel text NOT NULL,
  operatie text NOT NULL,
  inhoud_hash text NOT NULL,
  resultaat_id text,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisatie, sleutel)
);

CREATE TABLE contactmoment (
  id text PRIMARY KEY,
  kvk_nummer text NOT NULL,
  regio_code text NOT NULL,
  -- The employer's gemeente when the contact was registered (partners file contacts by it).
  gemeente_code text NOT NULL,
  organisatie text NOT NULL,
  medewerker text NOT NULL,
  kanaal text NOT NULL CHECK (kanaal IN ('BEZOEK', 'TELEFOON', 'MAIL')),
  status text NOT NULL CHECK (status IN ('GEPLAND', 'GEDAAN')),
  datum date NOT NULL,
  onderwerp text NOT NULL,
  sleutel text NOT NULL,
  geregistreerd_op timestamptz NOT NULL DEFAULT now(),
  geregistreerd_door text NOT NULL
);
CREATE INDEX contactmoment_werkgever ON contactmoment (kvk_nummer, datum DESC, id);
CREATE INDEX contactmoment_regio_datum ON contactmoment (regio_code, datum);

-- The fixed contact person per employer per region; an assignment ends when another one starts.
CREATE TABLE accountmanager_toewijzing (
  id text PRIMARY KEY,
  kvk_nummer text NOT NULL,
  regio_code text NOT NULL,
  naam text NOT NULL,
  organisatie text NOT NULL,
  email text,
  telefoon text,
  sinds timestamptz NOT NULL DEFAULT now(),
  tot timestamptz,
  toegewezen_door text NOT NULL
);
CREATE UNIQUE INDEX accountmanager_huidig ON accountmanager_toewijzing (kvk_nummer, regio_code) WHERE tot IS NULL;

-- Outbox: one delivery per contact to the registering organisation's own system, written in the same
-- transaction as the contact. A worker claims due rows (FOR UPDATE SKIP LOCKED plus a lease, so two
-- loket processes never work on the same row at once and a crashed worker's claim runs out), delivers
-- through the partner's adapter with the contact's key, and records the outcome.
CREATE TABLE levering (
  contactmoment_id text PRIMARY KEY REFERENCES contactmoment (id),
  bron text NOT NULL,
  bron_systeem text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  pogingen int NOT NULL DEFAULT 0,
  volgende_poging timestamptz NOT NULL DEFAULT now(),
  geclaimd_tot timestamptz,
  claim text,
  laatste_fout text,
  partner_referentie text,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  geleverd_op timestamptz
);
CREATE INDEX levering_te_doen ON levering (volgende_poging) WHERE status <> 'DELIVERED';
