-- An employer's vacancies (Werkgever.vacatures, WerkgeverFilter.metOpenVacatures) in the order of the lists.
CREATE INDEX vacature_werkgever ON vacature (kvk_nummer, geplaatst_op DESC, id DESC);
