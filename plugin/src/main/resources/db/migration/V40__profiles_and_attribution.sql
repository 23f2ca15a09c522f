-- Profiles inside one account ("who is watching"): each is a person of its own, with the id
-- <account id>~<profile>, its own taste and, when set, a parental ceiling (a minimum age).
CREATE TABLE person_profile (
    account_id       VARCHAR(64)  NOT NULL,
    profile          VARCHAR(24)  NOT NULL,
    label            VARCHAR(200) NOT NULL,
    parental_ceiling INTEGER,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT person_profile_pk PRIMARY KEY (account_id, profile)
);

-- Who is watching an account now, until when. Events of the account that arrive meanwhile are the profile's.
CREATE TABLE active_profile (
    account_id VARCHAR(64) PRIMARY KEY,
    profile    VARCHAR(24) NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The attribution of an event, decided once when it arrived: NULL for the account itself, else the
-- profile's person id. The event itself (user_id, event_json, raw_body) stays as delivered, so a replay
-- attributes every event exactly as it was attributed live.
ALTER TABLE event_log ADD COLUMN person_id VARCHAR(100);
CREATE INDEX event_log_person ON event_log (person_id, seq);
