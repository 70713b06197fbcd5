-- Where automatic backups go. One row; a NULL folder means the default `backups` folder
-- beside the data.

CREATE TABLE backup_settings (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    folder TEXT
) STRICT;

INSERT INTO backup_settings (id, folder) VALUES (1, NULL);
