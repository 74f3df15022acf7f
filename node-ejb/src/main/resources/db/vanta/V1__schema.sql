-- The schema of VantaEchoNebula's database (both persistence units: chain_* of the node, pool_* and
-- telemetry_* of the pool), as the entities map it.
--
-- One text for H2 and PostgreSQL: both read BYTEA and VARCHAR without a length the same way (H2 takes
-- BYTEA as its BINARY VARYING, which is what EclipseLink maps byte[] to there).
--
-- It runs on a new database and on one made before migrations existed, by EclipseLink's
-- create-or-extend-tables (baselined at version 0): so every statement says IF NOT EXISTS, the
-- nullable columns that versions before this one added are added where missing, and the tables
-- earlier versions left behind are dropped. Later changes are new files (V2__…), never edits here.

CREATE SEQUENCE IF NOT EXISTS pool_audit_id START WITH 10 INCREMENT BY 10;
CREATE SEQUENCE IF NOT EXISTS pool_batch_id START WITH 100 INCREMENT BY 100;
CREATE SEQUENCE IF NOT EXISTS pool_finding_id START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE IF NOT EXISTS pool_training_id START WITH 50 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS chain_block (
    chain VARCHAR(16) NOT NULL,
    id VARCHAR(64) NOT NULL,
    certificate BYTEA,
    cumulative_work VARCHAR(100) NOT NULL,
    effective_time_ms BIGINT NOT NULL,
    encoded BYTEA NOT NULL,
    height BIGINT NOT NULL,
    pruned BOOLEAN,
    status VARCHAR(16) NOT NULL,
    undo BYTEA,
    PRIMARY KEY (chain, id)
);
ALTER TABLE chain_block ADD COLUMN IF NOT EXISTS certificate BYTEA;
ALTER TABLE chain_block ADD COLUMN IF NOT EXISTS pruned BOOLEAN;
ALTER TABLE chain_block ADD COLUMN IF NOT EXISTS undo BYTEA;

CREATE TABLE IF NOT EXISTS chain_main (
    chain VARCHAR(16) NOT NULL,
    id VARCHAR(20) NOT NULL,
    block_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (chain, id)
);

CREATE TABLE IF NOT EXISTS chain_account (
    chain VARCHAR(16) NOT NULL,
    id VARCHAR(40) NOT NULL,
    balance BIGINT NOT NULL,
    exit_height BIGINT,
    nonce BIGINT NOT NULL,
    stake BIGINT,
    stake_since BIGINT,
    PRIMARY KEY (chain, id)
);
ALTER TABLE chain_account ADD COLUMN IF NOT EXISTS exit_height BIGINT;
ALTER TABLE chain_account ADD COLUMN IF NOT EXISTS stake BIGINT;
ALTER TABLE chain_account ADD COLUMN IF NOT EXISTS stake_since BIGINT;

CREATE TABLE IF NOT EXISTS chain_transaction_key (
    chain VARCHAR(16) NOT NULL,
    id_prefix BIGINT NOT NULL,
    height BIGINT NOT NULL,
    PRIMARY KEY (chain, id_prefix, height)
);

CREATE TABLE IF NOT EXISTS chain_head (
    chain VARCHAR(16) NOT NULL,
    block_hash VARCHAR(64) NOT NULL,
    final_hash VARCHAR(64),
    final_height BIGINT,
    PRIMARY KEY (chain)
);
ALTER TABLE chain_head ADD COLUMN IF NOT EXISTS final_hash VARCHAR(64);
ALTER TABLE chain_head ADD COLUMN IF NOT EXISTS final_height BIGINT;

CREATE TABLE IF NOT EXISTS chain_transaction_key_progress (
    chain VARCHAR(16) NOT NULL,
    indexed_height BIGINT NOT NULL,
    next_block_done INTEGER NOT NULL,
    PRIMARY KEY (chain)
);

CREATE TABLE IF NOT EXISTS pool_sample_block (
    batch_id BIGINT NOT NULL,
    node_id VARCHAR(128) NOT NULL,
    max_seq BIGINT,
    max_time_ms BIGINT NOT NULL,
    min_seq BIGINT,
    min_time_ms BIGINT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    sample_count INTEGER NOT NULL,
    samples BYTEA NOT NULL,
    verified BOOLEAN,
    PRIMARY KEY (batch_id, node_id)
);
ALTER TABLE pool_sample_block ADD COLUMN IF NOT EXISTS max_seq BIGINT;
ALTER TABLE pool_sample_block ADD COLUMN IF NOT EXISTS min_seq BIGINT;
ALTER TABLE pool_sample_block ADD COLUMN IF NOT EXISTS verified BOOLEAN;

CREATE TABLE IF NOT EXISTS telemetry_node (
    node_id VARCHAR(128) NOT NULL,
    chain_id VARCHAR(64) NOT NULL,
    dropped_reported BIGINT,
    first_seen_ms BIGINT NOT NULL,
    last_received_ms BIGINT NOT NULL,
    last_sample_ms BIGINT NOT NULL,
    max_seq BIGINT,
    node_type VARCHAR(16) NOT NULL,
    samples_stored BIGINT NOT NULL,
    verified BOOLEAN,
    PRIMARY KEY (node_id)
);
ALTER TABLE telemetry_node ADD COLUMN IF NOT EXISTS dropped_reported BIGINT;
ALTER TABLE telemetry_node ADD COLUMN IF NOT EXISTS max_seq BIGINT;
ALTER TABLE telemetry_node ADD COLUMN IF NOT EXISTS verified BOOLEAN;

CREATE TABLE IF NOT EXISTS pool_ingested_batch (
    id BIGINT NOT NULL,
    node_id VARCHAR(128) NOT NULL,
    received_at_ms BIGINT NOT NULL,
    sample_count INTEGER NOT NULL,
    sent_at_ms BIGINT,
    stored_bytes BIGINT,
    PRIMARY KEY (id)
);
ALTER TABLE pool_ingested_batch ADD COLUMN IF NOT EXISTS sent_at_ms BIGINT;
ALTER TABLE pool_ingested_batch ADD COLUMN IF NOT EXISTS stored_bytes BIGINT;

CREATE TABLE IF NOT EXISTS pool_pending_batch (
    batch_id BIGINT NOT NULL,
    processor VARCHAR(32) NOT NULL,
    received_at_ms BIGINT NOT NULL,
    sent_at_ms BIGINT,
    PRIMARY KEY (batch_id, processor)
);
ALTER TABLE pool_pending_batch ADD COLUMN IF NOT EXISTS sent_at_ms BIGINT;

CREATE TABLE IF NOT EXISTS pool_dead_batch (
    batch_id BIGINT NOT NULL,
    processor VARCHAR(32) NOT NULL,
    attempts INTEGER NOT NULL,
    dead_at_ms BIGINT NOT NULL,
    error VARCHAR(500) NOT NULL,
    node_id VARCHAR(128) NOT NULL,
    received_at_ms BIGINT NOT NULL,
    sample_count INTEGER NOT NULL,
    PRIMARY KEY (batch_id, processor)
);

CREATE TABLE IF NOT EXISTS pool_node_key (
    node_id VARCHAR(128) NOT NULL,
    node_type VARCHAR(16) NOT NULL,
    public_key VARCHAR(64) NOT NULL,
    rebound_by VARCHAR(64),
    registered_at_ms BIGINT NOT NULL,
    revoked_at_ms BIGINT NOT NULL,
    revoked_by VARCHAR(64),
    PRIMARY KEY (node_id)
);
ALTER TABLE pool_node_key ADD COLUMN IF NOT EXISTS rebound_by VARCHAR(64);
ALTER TABLE pool_node_key ADD COLUMN IF NOT EXISTS revoked_by VARCHAR(64);

CREATE TABLE IF NOT EXISTS pool_audit (
    id BIGINT NOT NULL,
    action VARCHAR(40) NOT NULL,
    actor VARCHAR(64) NOT NULL,
    address VARCHAR(64),
    at_ms BIGINT NOT NULL,
    detail VARCHAR(500),
    subject VARCHAR(128) NOT NULL,
    PRIMARY KEY (id)
);
ALTER TABLE pool_audit ADD COLUMN IF NOT EXISTS address VARCHAR(64);
ALTER TABLE pool_audit ADD COLUMN IF NOT EXISTS detail VARCHAR(500);

CREATE TABLE IF NOT EXISTS pool_secret (
    name VARCHAR(32) NOT NULL,
    secret VARCHAR(128) NOT NULL,
    PRIMARY KEY (name)
);

CREATE TABLE IF NOT EXISTS pool_training_record (
    id BIGINT NOT NULL,
    processor VARCHAR(32) NOT NULL,
    received_at_ms BIGINT NOT NULL,
    result VARCHAR NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS pool_learner_cursor (
    learner VARCHAR(32) NOT NULL,
    last_record_id BIGINT NOT NULL,
    records_learnt BIGINT NOT NULL,
    PRIMARY KEY (learner)
);

CREATE TABLE IF NOT EXISTS pool_statistic (
    subject VARCHAR(200) NOT NULL,
    name VARCHAR(64) NOT NULL,
    processor VARCHAR(32) NOT NULL,
    count BIGINT,
    ewma DOUBLE PRECISION,
    last_value DOUBLE PRECISION,
    last_at_ms BIGINT,
    m2 DOUBLE PRECISION,
    max_value DOUBLE PRECISION,
    mean DOUBLE PRECISION,
    min_value DOUBLE PRECISION,
    PRIMARY KEY (subject, name, processor)
);
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS count BIGINT;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS ewma DOUBLE PRECISION;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS last_value DOUBLE PRECISION;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS last_at_ms BIGINT;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS m2 DOUBLE PRECISION;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS max_value DOUBLE PRECISION;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS mean DOUBLE PRECISION;
ALTER TABLE pool_statistic ADD COLUMN IF NOT EXISTS min_value DOUBLE PRECISION;

CREATE TABLE IF NOT EXISTS pool_pair_statistic (
    subject VARCHAR(200) NOT NULL,
    name VARCHAR(64) NOT NULL,
    processor VARCHAR(32) NOT NULL,
    co_moment DOUBLE PRECISION,
    count BIGINT,
    m2_x DOUBLE PRECISION,
    m2_y DOUBLE PRECISION,
    mean_x DOUBLE PRECISION,
    mean_y DOUBLE PRECISION,
    PRIMARY KEY (subject, name, processor)
);
ALTER TABLE pool_pair_statistic ADD COLUMN IF NOT EXISTS co_moment DOUBLE PRECISION;
ALTER TABLE pool_pair_statistic ADD COLUMN IF NOT EXISTS count BIGINT;
ALTER TABLE pool_pair_statistic ADD COLUMN IF NOT EXISTS m2_x DOUBLE PRECISION;
ALTER TABLE pool_pair_statistic ADD COLUMN IF NOT EXISTS m2_y DOUBLE PRECISION;
ALTER TABLE pool_pair_statistic ADD COLUMN IF NOT EXISTS mean_x DOUBLE PRECISION;
ALTER TABLE pool_pair_statistic ADD COLUMN IF NOT EXISTS mean_y DOUBLE PRECISION;

CREATE TABLE IF NOT EXISTS pool_model (
    subject VARCHAR(200) NOT NULL,
    name VARCHAR(64) NOT NULL,
    processor VARCHAR(32) NOT NULL,
    model VARCHAR(64),
    state BYTEA,
    trained_count BIGINT,
    updated_at_ms BIGINT,
    version INTEGER,
    PRIMARY KEY (subject, name, processor)
);
ALTER TABLE pool_model ADD COLUMN IF NOT EXISTS model VARCHAR(64);
ALTER TABLE pool_model ADD COLUMN IF NOT EXISTS state BYTEA;
ALTER TABLE pool_model ADD COLUMN IF NOT EXISTS trained_count BIGINT;
ALTER TABLE pool_model ADD COLUMN IF NOT EXISTS updated_at_ms BIGINT;
ALTER TABLE pool_model ADD COLUMN IF NOT EXISTS version INTEGER;

CREATE TABLE IF NOT EXISTS telemetry_aggregate (
    chain_id VARCHAR(64) NOT NULL,
    metric VARCHAR(64) NOT NULL,
    bucket_start_ms BIGINT NOT NULL,
    node_id VARCHAR(128) NOT NULL,
    resolution VARCHAR(8) NOT NULL,
    count BIGINT,
    last_value DOUBLE PRECISION,
    last_at_ms BIGINT,
    max_value DOUBLE PRECISION,
    min_value DOUBLE PRECISION,
    sum_value DOUBLE PRECISION,
    PRIMARY KEY (chain_id, metric, bucket_start_ms, node_id, resolution)
);
ALTER TABLE telemetry_aggregate ADD COLUMN IF NOT EXISTS count BIGINT;
ALTER TABLE telemetry_aggregate ADD COLUMN IF NOT EXISTS last_value DOUBLE PRECISION;
ALTER TABLE telemetry_aggregate ADD COLUMN IF NOT EXISTS last_at_ms BIGINT;
ALTER TABLE telemetry_aggregate ADD COLUMN IF NOT EXISTS max_value DOUBLE PRECISION;
ALTER TABLE telemetry_aggregate ADD COLUMN IF NOT EXISTS min_value DOUBLE PRECISION;
ALTER TABLE telemetry_aggregate ADD COLUMN IF NOT EXISTS sum_value DOUBLE PRECISION;

CREATE TABLE IF NOT EXISTS pool_finding (
    id BIGINT NOT NULL,
    acknowledged_at_ms BIGINT,
    acknowledged_by VARCHAR(64),
    acknowledged_comment VARCHAR(500),
    agent VARCHAR(40) NOT NULL,
    chain_id VARCHAR(64) NOT NULL,
    evidence VARCHAR NOT NULL,
    first_seen_ms BIGINT NOT NULL,
    kind VARCHAR(40) NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    node_id VARCHAR(128) NOT NULL,
    occurrences BIGINT,
    recommendation VARCHAR(500),
    resolved_at_ms BIGINT,
    severity VARCHAR(8) NOT NULL,
    summary VARCHAR(500) NOT NULL,
    type VARCHAR(8) NOT NULL,
    PRIMARY KEY (id)
);
ALTER TABLE pool_finding ADD COLUMN IF NOT EXISTS acknowledged_at_ms BIGINT;
ALTER TABLE pool_finding ADD COLUMN IF NOT EXISTS acknowledged_by VARCHAR(64);
ALTER TABLE pool_finding ADD COLUMN IF NOT EXISTS acknowledged_comment VARCHAR(500);
ALTER TABLE pool_finding ADD COLUMN IF NOT EXISTS occurrences BIGINT;
ALTER TABLE pool_finding ADD COLUMN IF NOT EXISTS recommendation VARCHAR(500);
ALTER TABLE pool_finding ADD COLUMN IF NOT EXISTS resolved_at_ms BIGINT;

CREATE INDEX IF NOT EXISTS ix_block_node_time ON pool_sample_block (node_id, max_time_ms);
CREATE INDEX IF NOT EXISTS telemetry_node_last_received ON telemetry_node (last_received_ms);
CREATE INDEX IF NOT EXISTS telemetry_node_dropped ON telemetry_node (dropped_reported);
CREATE INDEX IF NOT EXISTS pool_finding_key ON pool_finding (kind, node_id, chain_id, last_seen_ms);
CREATE INDEX IF NOT EXISTS pool_finding_newest ON pool_finding (type, last_seen_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS pool_finding_kind_newest ON pool_finding (type, kind, last_seen_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS pool_finding_open ON pool_finding (type, last_seen_ms, kind, severity, acknowledged_by, resolved_at_ms);
CREATE INDEX IF NOT EXISTS pool_finding_node ON pool_finding (node_id, last_seen_ms);

-- Left behind by earlier versions, read by nothing since.
DROP TABLE IF EXISTS chain_transaction;
DROP TABLE IF EXISTS chain_transaction_index;
DROP TABLE IF EXISTS telemetry_sample;
DROP INDEX IF EXISTS pool_finding_last_seen;
