-- Consent (toestemming) of a person to share categories of personal data with an organisation or a
-- role, for one purpose, until an expiry. Withdrawal sets ingetrokken_op; rows are never deleted, so
-- what was allowed when stays traceable.

CREATE TABLE toestemming (
  id text PRIMARY KEY,
  kandidaat_id text NOT NULL,
  doel text NOT NULL,
  publiek_organisatie text,
  publiek_rol text,
  categorieen text[] NOT NULL CHECK (cardinality(categorieen) > 0),
  geldig_tot timestamptz NOT NULL,
  geregistreerd_op timestamptz NOT NULL DEFAULT now(),
  geregistreerd_door_organisatie text NOT NULL,
  geregistreerd_door text NOT NULL,
  ingetrokken_op timestamptz,
  ingetrokken_door text,
  CHECK ((publiek_organisatie IS NULL) <> (publiek_rol IS NULL))
);
CREATE INDEX toestemming_kandidaat ON toestemming (kandidaat_id, geregistreerd_op DESC);
