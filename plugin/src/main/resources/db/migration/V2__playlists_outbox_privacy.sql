-- Playlists Setlist wrote to the media server, so that they are found again after a restart and
-- replaced rather than duplicated. item_ids is the JSON array last written.
CREATE TABLE media_playlist (
    user_id     VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    server_id   VARCHAR(64)  NOT NULL,
    media_type  VARCHAR(16)  NOT NULL,
    item_ids    VARCHAR      NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT media_playlist_pk PRIMARY KEY (user_id, name)
);

-- Playlist writes waiting for the media server: one row per person and playlist (a newer write
-- replaces a waiting one), kept until the server accepted it, so nothing is lost across restarts.
CREATE TABLE playlist_outbox (
    user_id         VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    item_ids        VARCHAR      NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    CONSTRAINT playlist_outbox_pk PRIMARY KEY (user_id, name)
);

-- People who paused their history: while paused, their events are counted here and not recorded.
CREATE TABLE history_pause (
    user_id          VARCHAR(64) PRIMARY KEY,
    paused           BOOLEAN     NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    unrecorded_events BIGINT     NOT NULL
);
