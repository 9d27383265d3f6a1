-- pgbench script of deploy/bench/run.sh: the database's own ceiling for POST requests.json. One transaction sends what
-- the API sends for a report (ADR 22), against the gateway's real schema (a database of its own, migrated, with the
-- demo catalogue): the look-up (id, projection, duplicate hint) in one round trip, then the report, its delivery and
-- its outbox row pipelined in a second round trip as one implicit transaction. The outbox row is written as sent:
-- the dispatcher's claim and mark (about 5 % of the statement time in pg_stat_statements) is left out, so this is
-- an upper bound for POST with an API that costs nothing. Points are spread over Musterstadt like post-report.lua's.
-- :service and :client come from run.sh (-D).
\set lat random(5246000, 5257000)
\set lon random(1331000, 1349000)
SELECT nextval(pg_get_serial_sequence('service_requests', 'id')) AS id, ST_X(p) AS easting, ST_Y(p) AS northing,
       gen_random_uuid() AS delivery,
       (SELECT r.id FROM service_requests AS r
        WHERE r.service_id + 0 = :service AND r.status = 'open' AND r.requested_at >= now() - interval '30 days'
          AND r.location IS NOT NULL
          AND ST_DWithin(r.location, ST_SetSRID(ST_MakePoint(:lon / 100000.0, :lat / 100000.0), 4326)::geography, 30)
          AND r.moderation = 'published' AND NOT r.is_private
        ORDER BY ST_Distance(r.location, ST_SetSRID(ST_MakePoint(:lon / 100000.0, :lat / 100000.0), 4326)::geography), r.id
        LIMIT 1) AS earlier
FROM ST_Transform(ST_SetSRID(ST_MakePoint(:lon / 100000.0, :lat / 100000.0), 4258), 25833) AS p \gset
\startpipeline
INSERT INTO service_requests (id, jurisdiction_id, service_id, api_client_id, status, extended_status, requested_at,
  updated_at, public_changed_at, description, location, media_urls, attributes, email, is_private, moderation,
  easting, northing, projected_srid)
VALUES (:id, 'musterstadt.de', :service, :client, 'open', 'OPEN', now(), now(), now(), 'Tiefes Schlagloch vor Hausnummer 12',
  ST_SetSRID(ST_MakePoint(:lon / 100000.0, :lat / 100000.0), 4326)::geography, '{}', '{"GROESSE": ["mittel"]}',
  'erika@example.org', false, 'published', :easting, :northing, 25833);
INSERT INTO deliveries (id, kind, service_request_id, jurisdiction_id, state, attempts, created_at, updated_at, route, route_key)
VALUES (:delivery, 'request', :id, 'musterstadt.de', 'in_flight', 1, now(), now(),
  '{"adapter": "webhook", "endpoint": "http://127.0.0.1:5090/webhook", "routeKey": "musterstadt.de", "settings": {}, "timeZone": "Europe/Berlin", "statusMap": {}, "attributeCodes": {}, "jurisdictionId": "musterstadt.de", "externalServiceCode": null}',
  'musterstadt.de');
INSERT INTO outbox_messages (message_type, destination, payload, created_at, sent_at, send_attempts, delivery_id)
VALUES ('Open311Gateway.Contracts.ServiceRequestSubmitted', 'open311-deliver-musterstadt.de',
  jsonb_build_object('serviceRequestId', :id::text, 'deliveryId', :delivery::uuid, 'serviceCode', 'SCHLAGLOCH',
    'serviceName', 'Schlagloch', 'jurisdictionId', 'musterstadt.de', 'description', 'Tiefes Schlagloch vor Hausnummer 12',
    'latitude', :lat / 100000.0, 'longitude', :lon / 100000.0, 'easting', :easting::float8, 'northing', :northing::float8,
    'projectedCrs', 'EPSG:25833', 'email', 'erika@example.org', 'attributes', '{"GROESSE": ["mittel"]}'::jsonb,
    'mediaUrls', '[]'::jsonb, 'attempt', 1, 'requestedAt', now()),
  now(), now(), 0, :delivery)
RETURNING id;
\endpipeline
