-- What a power user set for a person (NULL: the configured default) and how that person answers wildcards.
CREATE TABLE person_tuning (
    user_id            VARCHAR(64) PRIMARY KEY,
    exploration_min    DOUBLE PRECISION,
    exploration_max    DOUBLE PRECISION,
    wildcard_slots     INTEGER,
    diversity          DOUBLE PRECISION,
    -- Beta posterior on wildcard acceptance, with forgetting: pseudo-counts, not raw counts.
    wildcards_taken    DOUBLE PRECISION NOT NULL,
    wildcards_declined DOUBLE PRECISION NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The mode a person chose, until it expires; without one the rules infer a mode from context.
CREATE TABLE person_mode (
    user_id    VARCHAR(64) PRIMARY KEY,
    mode       VARCHAR(32) NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE
);

-- Answers to the pairwise onboarding quiz: which of two items the person preferred.
CREATE TABLE onboarding_answer (
    user_id     VARCHAR(64) NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    chosen_id   VARCHAR(64) NOT NULL,
    other_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, chosen_id, other_id)
);
