-- Tables of the pgbench insert ceiling (ceiling-insert.sql), in the benchmark's database: the columns a report and
-- its outbox row need, the GiST index on the point and the outbox's unsent index, no foreign keys or triggers.
DROP TABLE IF EXISTS ceiling_requests, ceiling_outbox;
CREATE TABLE ceiling_requests (
    id bigserial PRIMARY KEY,
    jurisdiction_id varchar(100) NOT NULL,
    service_id bigint NOT NULL,
    status varchar(16) NOT NULL,
    description text,
    location geography(Point, 4326),
    requested_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL);
CREATE INDEX ON ceiling_requests USING gist (location);
CREATE TABLE ceiling_outbox (
    id bigserial PRIMARY KEY,
    message_type varchar(200) NOT NULL,
    destination varchar(200) NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz);
CREATE INDEX ON ceiling_outbox (id) WHERE sent_at IS NULL;
