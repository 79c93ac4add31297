-- The loket index: pseudonymous matching data only (like VUM). Per-source rows are written by the
-- synchronisation; the merged tables (one row per person / vacancy / employer) are rebuilt from them
-- after each synchronisation and are what the graph reads.

CREATE TABLE kandidaat_bron (
  regio_code text NOT NULL,
  id text NOT NULL,
  bron text NOT NULL,
  bron_systeem text NOT NULL,
  gemeente_code text NOT NULL,
  doelgroepen text[] NOT NULL,
  competenties text[] NOT NULL,
  werk_denk_niveau int,
  beschikbaar_per date,
  bijgewerkt_op timestamptz NOT NULL,
  sync_run bigint NOT NULL,
  PRIMARY KEY (bron_systeem, id)
);

CREATE TABLE kandidaat (
  id text PRIMARY KEY,
  regio_code text NOT NULL,
  gemeente_code text NOT NULL,
  bronnen text[] NOT NULL,
  doelgroepen text[] NOT NULL,
  competenties text[] NOT NULL,
  werk_denk_niveau int,
  beschikbaar_per date,
  bijgewerkt_op timestamptz NOT NULL
);
CREATE INDEX kandidaat_regio_order ON kandidaat (regio_code, bijgewerkt_op DESC, id DESC);

CREATE TABLE vacature_bron (
  regio_code text NOT NULL,
  id text NOT NULL,
  bron text NOT NULL,
  bron_systeem text NOT NULL,
  soort text NOT NULL,
  titel text NOT NULL,
  kvk_nummer text NOT NULL,
  gemeente_code text NOT NULL,
  postcode text NOT NULL,
  beroepscode text,
  werk_denk_niveau int,
  uren_per_week int,
  doelgroepen text[] NOT NULL,
  geplaatst_op date NOT NULL,
  bijgewerkt_op timestamptz NOT NULL,
  sync_run bigint NOT NULL,
  PRIMARY KEY (bron_systeem, id)
);

CREATE TABLE vacature (
  id text PRIMARY KEY,
  regio_code text NOT NULL,
  bron text NOT NULL,
  bronnen text[] NOT NULL,
  soort text NOT NULL,
  titel text NOT NULL,
  kvk_nummer text NOT NULL,
  gemeente_code text NOT NULL,
  postcode text NOT NULL,
  beroepscode text,
  werk_denk_niveau int,
  uren_per_week int,
  doelgroepen text[] NOT NULL,
  geplaatst_op date NOT NULL,
  bijgewerkt_op timestamptz NOT NULL
);
CREATE INDEX vacature_regio_order ON vacature (regio_code, geplaatst_op DESC, id DESC);

CREATE TABLE werkgever_bron (
  regio_code text NOT NULL,
  kvk_nummer text NOT NULL,
  bron text NOT NULL,
  bron_systeem text NOT NULL,
  naam text NOT NULL,
  gemeente_code text NOT NULL,
  bijgewerkt_op timestamptz NOT NULL,
  sync_run bigint NOT NULL,
  PRIMARY KEY (bron_systeem, kvk_nummer)
);

CREATE TABLE werkgever (
  kvk_nummer text PRIMARY KEY,
  regio_code text NOT NULL,
  naam text NOT NULL,
  gemeente_code text NOT NULL,
  bronnen text[] NOT NULL,
  aantal_bronnen int NOT NULL,
  bijgewerkt_op timestamptz NOT NULL
);
CREATE INDEX werkgever_regio_order ON werkgever (regio_code, aantal_bronnen DESC, kvk_nummer);

CREATE TABLE instrument (
  id text NOT NULL,
  bron text NOT NULL,
  bron_systeem text NOT NULL,
  naam text NOT NULL,
  soort text NOT NULL,
  gemeente_code text,
  regio_code text,
  doelgroepen text[] NOT NULL,
  voorwaarden text NOT NULL,
  max_bedrag int,
  max_duur_maanden int,
  bijgewerkt_op timestamptz NOT NULL,
  sync_run bigint NOT NULL,
  PRIMARY KEY (bron_systeem, id)
);
CREATE INDEX instrument_by_id ON instrument (id);

-- Per source system: the last synchronisation, its outcome and the records it left out.
CREATE TABLE bron_status (
  bron_systeem text PRIMARY KEY,
  bron text NOT NULL,
  laatste_synchronisatie timestamptz,
  aantal_records int NOT NULL DEFAULT 0,
  fout text
);

CREATE TABLE afgewezen_record (
  bron_systeem text NOT NULL,
  record_soort text NOT NULL,
  record text NOT NULL,
  veld text NOT NULL,
  melding text NOT NULL,
  sync_run bigint NOT NULL
);
CREATE INDEX afgewezen_record_bron ON afgewezen_record (bron_systeem);

CREATE SEQUENCE sync_run_seq;
