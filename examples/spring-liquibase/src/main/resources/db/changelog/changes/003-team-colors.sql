--liquibase formatted sql

--changeset bob:add-team-color
ALTER TABLE team ADD COLUMN color VARCHAR(20);
--rollback ALTER TABLE team DROP COLUMN color;

--changeset bob:update
UPDATE team SET color = 'grey' WHERE color IS NULL;
