-- People who reset their taste but kept their history: their recommendations fold in only the events after
-- after_seq (the event log's sequence number at the reset), while insights and exports still read everything.
CREATE TABLE taste_reset (
    person_id VARCHAR(100) PRIMARY KEY,
    after_seq BIGINT NOT NULL,
    reset_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
