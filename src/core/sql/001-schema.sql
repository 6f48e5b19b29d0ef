-- Schema version 1 of an Accords library.
--
-- A record is one cooperation event; a source is one report of it. Dates
-- are ISO 8601 text (YYYY-MM-DD; a month- or year-precision date keeps the
-- first day of its period and says so in date_precision). Times are ISO 8601
-- in UTC. Lists keep the order they were given in through a position column.

CREATE TABLE record (
  id               INTEGER PRIMARY KEY,
  uid              TEXT    NOT NULL UNIQUE,
  title            TEXT    NOT NULL DEFAULT '',
  kind             TEXT    NOT NULL DEFAULT 'announcement'
                   CHECK (kind IN ('mou_signed', 'agreement_signed', 'meeting', 'visit',
                                   'statement', 'opinion', 'announcement')),
  event_date       TEXT,
  event_end        TEXT,
  date_precision   TEXT    NOT NULL DEFAULT 'day'
                   CHECK (date_precision IN ('day', 'month', 'year')),
  date_qualifier   TEXT    NOT NULL DEFAULT 'exact'
                   CHECK (date_qualifier IN ('exact', 'about', 'before', 'after')),
  date_as_reported TEXT,
  venue_city       TEXT,
  venue_country    TEXT,
  venue_forum      TEXT,
  venue_virtual    INTEGER NOT NULL DEFAULT 0,
  summary          TEXT    NOT NULL DEFAULT '',
  origin           TEXT    NOT NULL DEFAULT 'manual'
                   CHECK (origin IN ('sample', 'import', 'manual')),
  created          TEXT    NOT NULL,
  modified         TEXT    NOT NULL
);
CREATE INDEX record_event_date ON record (event_date);

-- Countries of a record: the parties to the event and the ones merely
-- mentioned. The (code, role) index drives narrow country filters.
CREATE TABLE record_country (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  code      TEXT    NOT NULL,
  role      TEXT    NOT NULL CHECK (role IN ('party', 'mentioned')),
  position  INTEGER NOT NULL,
  PRIMARY KEY (record_id, code)
) WITHOUT ROWID;
CREATE INDEX record_country_code ON record_country (code, role);

CREATE TABLE person (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  country TEXT
);
CREATE INDEX person_name ON person (name);

CREATE TABLE record_person (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person (id),
  role      TEXT,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE INDEX record_person_person ON record_person (person_id);

CREATE TABLE record_org (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  name      TEXT    NOT NULL,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;

CREATE TABLE record_topic (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  topic     TEXT    NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (record_id, topic)
) WITHOUT ROWID;
CREATE INDEX record_topic_topic ON record_topic (topic);

-- Numbers a report gives (trade volumes, sums, counts). value keeps the
-- number as given: an integer stays an integer.
CREATE TABLE record_figure (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  what      TEXT    NOT NULL,
  value     NUMERIC,
  unit      TEXT,
  year      INTEGER,
  text      TEXT,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;

-- Typed links to other records, by uid: the other record need not be in
-- this library (yet).
CREATE TABLE record_link (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  type      TEXT    NOT NULL
            CHECK (type IN ('same_trip', 'follow_up_of', 'implements', 'renews', 'part_of')),
  uid       TEXT    NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (record_id, type, uid)
) WITHOUT ROWID;

-- One report of an event. sha256 is the hash of the text, NULL when the
-- source has no text; the same text can be in a library only once.
CREATE TABLE source (
  id        INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  title     TEXT,
  outlet    TEXT,
  url       TEXT,
  published TEXT,
  language  TEXT,
  file      TEXT,
  text      TEXT    NOT NULL DEFAULT '',
  sha256    TEXT    UNIQUE
);
CREATE INDEX source_record ON source (record_id);

-- The user's own work on a record.
CREATE TABLE annotation (
  record_id INTEGER PRIMARY KEY REFERENCES record (id) ON DELETE CASCADE,
  note      TEXT    NOT NULL DEFAULT '',
  starred   INTEGER NOT NULL DEFAULT 0,
  review    TEXT    NOT NULL DEFAULT 'unreviewed'
            CHECK (review IN ('unreviewed', 'verified', 'disputed')),
  modified  TEXT    NOT NULL
);

CREATE TABLE tag (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color TEXT NOT NULL DEFAULT '#3584e4'
);

CREATE TABLE record_tag (
  record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  tag_id    INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (record_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX record_tag_tag ON record_tag (tag_id);

-- Every edit of a record or its annotation. record_uid rather than the id,
-- so that the history outlives merges and re-imports.
CREATE TABLE history (
  id         INTEGER PRIMARY KEY,
  record_uid TEXT NOT NULL,
  what       TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  changed    TEXT NOT NULL
);
CREATE INDEX history_record ON history (record_uid, changed);

CREATE TABLE saved_search (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL
);

-- Full-text search over a record's title, summary, sources and note.
--
-- The text of one FTS row comes from several tables, so the index keeps its
-- own copy: a row is then replaced by rowid alone (DELETE + INSERT), which
-- stays correct however the underlying rows change, cascades included.
CREATE VIEW record_search_text AS
  SELECT r.id AS id,
         r.title AS title,
         r.summary AS summary,
         (SELECT group_concat (coalesce (s.title, '') || ' ' || s.text, ' ')
            FROM source s WHERE s.record_id = r.id) AS sources,
         (SELECT a.note FROM annotation a WHERE a.record_id = r.id) AS note
    FROM record r;

CREATE VIRTUAL TABLE record_fts USING fts5 (
  title, summary, sources, note,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER record_fts_ai AFTER INSERT ON record BEGIN
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = new.id;
END;

CREATE TRIGGER record_fts_au AFTER UPDATE OF title, summary ON record BEGIN
  DELETE FROM record_fts WHERE rowid = old.id;
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = new.id;
END;

CREATE TRIGGER record_fts_ad AFTER DELETE ON record BEGIN
  DELETE FROM record_fts WHERE rowid = old.id;
END;

CREATE TRIGGER source_fts_ai AFTER INSERT ON source BEGIN
  DELETE FROM record_fts WHERE rowid = new.record_id;
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = new.record_id;
END;

CREATE TRIGGER source_fts_au AFTER UPDATE OF title, text, record_id ON source BEGIN
  DELETE FROM record_fts WHERE rowid IN (old.record_id, new.record_id);
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text
     WHERE id IN (old.record_id, new.record_id);
END;

CREATE TRIGGER source_fts_ad AFTER DELETE ON source BEGIN
  DELETE FROM record_fts WHERE rowid = old.record_id;
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = old.record_id;
END;

CREATE TRIGGER annotation_fts_ai AFTER INSERT ON annotation BEGIN
  DELETE FROM record_fts WHERE rowid = new.record_id;
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = new.record_id;
END;

CREATE TRIGGER annotation_fts_au AFTER UPDATE OF note ON annotation BEGIN
  DELETE FROM record_fts WHERE rowid = new.record_id;
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = new.record_id;
END;

CREATE TRIGGER annotation_fts_ad AFTER DELETE ON annotation BEGIN
  DELETE FROM record_fts WHERE rowid = old.record_id;
  INSERT INTO record_fts (rowid, title, summary, sources, note)
    SELECT id, title, summary, sources, note FROM record_search_text WHERE id = old.record_id;
END;
