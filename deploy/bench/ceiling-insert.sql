-- pgbench script of deploy/bench/run.sh: the insert ceiling. One transaction commits what a POST must commit at
-- least — a request row with a point in a GiST-indexed geography column, and an outbox row with a JSON payload —
-- against tables shaped like service_requests and outbox_messages (ceiling-tables.sql), with nothing else.
\set lon random(1339000, 1342000)
BEGIN;
INSERT INTO ceiling_requests (jurisdiction_id, service_id, status, description, location, requested_at, updated_at)
VALUES ('musterstadt.de', 1, 'open', 'Tiefes Schlagloch vor Hausnummer 12',
        ST_SetSRID(ST_MakePoint(:lon / 100000.0, 52.52), 4326)::geography, now(), now());
INSERT INTO ceiling_outbox (message_type, destination, payload, created_at)
VALUES ('DeliverRequest', 'open311-delivery-musterstadt.de',
        jsonb_build_object('requestId', currval('ceiling_requests_id_seq'), 'serviceCode', 'SCHLAGLOCH',
                           'description', 'Tiefes Schlagloch vor Hausnummer 12', 'lat', 52.52, 'long', :lon / 100000.0),
        now());
END;
