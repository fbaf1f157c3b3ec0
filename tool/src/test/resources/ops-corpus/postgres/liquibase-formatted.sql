--liquibase formatted sql

--changeset ana:1
CREATE TABLE team (id serial PRIMARY KEY, name varchar(60) NOT NULL, color char(7));
--rollback DROP TABLE team;

--changeset ana:2 runInTransaction:false
CREATE INDEX CONCURRENTLY team_name_idx ON team (name);
--rollback DROP INDEX CONCURRENTLY team_name_idx;

--changeset ana:3
ALTER TABLE team ADD COLUMN city varchar(80);
ALTER TABLE team ALTER COLUMN color SET DEFAULT '#000000';
--rollback ALTER TABLE team DROP COLUMN city;

--changeset ana:4 splitStatements:false
CREATE FUNCTION team_count() RETURNS bigint AS 'SELECT count(*) FROM team' LANGUAGE sql;
