-- What partners say about an employer that WSP search filters on: the sector (from its association)
-- and SBB's recognition as leerbedrijf. Filled by the next synchronisation.
ALTER TABLE werkgever_bron ADD COLUMN sector text, ADD COLUMN erkend_leerbedrijf boolean;
ALTER TABLE werkgever ADD COLUMN sector text, ADD COLUMN erkend_leerbedrijf boolean NOT NULL DEFAULT false;
