CREATE TABLE team (
    id         BIGSERIAL PRIMARY KEY,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMP    NOT NULL,
    name       VARCHAR(120) NOT NULL,
    contest_id BIGINT       NOT NULL REFERENCES contest (id)
);
