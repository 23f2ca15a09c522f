-- Per-person API tokens, issued by an admin. Only the SHA-256 of a token is kept: tokens are 256 random
-- bits, so a plain digest suffices, and a lookup by digest needs no scan.
CREATE TABLE api_token (
    token_hash CHAR(64)     PRIMARY KEY,
    user_id    VARCHAR(64)  NOT NULL,
    label      VARCHAR(200) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX api_token_user ON api_token (user_id);
