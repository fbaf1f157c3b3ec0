CREATE TABLE contest (
    id         BIGSERIAL PRIMARY KEY,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMP    NOT NULL,
    title      VARCHAR(120) NOT NULL,
    slug       VARCHAR(60)  NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    city       VARCHAR(120),
    country    VARCHAR(2)
);
CREATE UNIQUE INDEX idx_contest_slug ON contest (slug);
