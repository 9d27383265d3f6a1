-- Seeds service_requests with many public reports in one INSERT … SELECT generate_series, for the listing
-- benchmark (deploy/bench/queries.sh) and the query-plan test (RequestListingPlanTests).
--
--   psql … -c "SET bench.rows = '1000000'" -f deploy/bench/seed-requests.sql
--
-- Needs a migrated database with an imported catalogue and one API client. Reports are spread over the
-- non-blackbox services of every active jurisdiction; places cluster around sixteen German cities (within
-- about 25 km) with a tenth scattered over the whole country; requested times over the last year, each
-- report's last public change some time after it; a third still open. The seed is fixed, so two runs with
-- the same row count write the same reports.
SELECT setseed(0.311);

WITH cities(n, lon, lat) AS (
    VALUES (0, 13.405, 52.520), (1, 9.993, 53.551), (2, 11.575, 48.137), (3, 6.960, 50.938),
           (4, 8.682, 50.111), (5, 9.182, 48.776), (6, 6.773, 51.227), (7, 12.374, 51.340),
           (8, 7.465, 51.514), (9, 7.012, 51.456), (10, 8.801, 53.079), (11, 13.738, 51.050),
           (12, 9.732, 52.375), (13, 11.077, 49.452), (14, 12.100, 54.092), (15, 7.099, 50.737)),
services AS (
    SELECT array_agg(s.id ORDER BY s.id) AS ids, array_agg(s.jurisdiction_id ORDER BY s.id) AS jurisdictions
    FROM services s JOIN jurisdictions j ON j.id = s.jurisdiction_id
    WHERE s.type <> 'blackbox' AND s.is_active AND j.is_active),
rows AS (
    SELECT g,
           1 + floor(random() * (SELECT cardinality(ids) FROM services))::int AS service,
           floor(random() * 16)::int AS city,
           random() < 0.1 AS scattered,
           -- Roughly normal offsets (a sum of three uniform draws), in degrees.
           (random() + random() + random() - 1.5) * 0.25 AS dlon,
           (random() + random() + random() - 1.5) * 0.15 AS dlat,
           now() - random() * interval '365 days' AS requested,
           random() AS changed_share,
           random() AS status_draw,
           floor(random() * 12)::int AS what,
           floor(random() * 10)::int AS street,
           -- One report in ten names a landmark, each of them rare (about one in 400), as searched words are.
           CASE WHEN random() < 0.1 THEN 1 + floor(random() * 40)::int END AS landmark,
           1 + floor(random() * 120)::int AS house
    FROM generate_series(1, current_setting('bench.rows')::int) AS g)
INSERT INTO service_requests (jurisdiction_id, service_id, api_client_id, status, extended_status,
    requested_at, updated_at, public_changed_at, description, location, address_string, media_urls, attributes)
SELECT (SELECT jurisdictions[r.service] FROM services),
       (SELECT ids[r.service] FROM services),
       (SELECT min(id) FROM api_clients),
       CASE WHEN r.status_draw < 0.34 THEN 'open' ELSE 'closed' END,
       CASE WHEN r.status_draw < 0.17 THEN 'OPEN' WHEN r.status_draw < 0.34 THEN 'IN_PROGRESS' ELSE 'FIXED' END,
       r.requested,
       r.requested + r.changed_share * (now() - r.requested) * 0.5,
       -- Cubed: most reports last changed soon after they came in, a few only lately.
       r.requested + power(r.changed_share, 3) * (now() - r.requested),
       (ARRAY['Tiefes Schlagloch auf der Fahrbahn', 'Straßenlaterne defekt, bleibt nachts dunkel', 'Wilder Müll am Straßenrand',
              'Graffiti an der Hauswand', 'Ampel ausgefallen', 'Umgestürzter Baum blockiert den Gehweg',
              'Verstopfter Gully nach dem Regen', 'Beschädigte Parkbank', 'Sperrmüll neben den Containern',
              'Gehwegplatten angehoben, Stolpergefahr', 'Spielplatz: Schaukel kaputt', 'Laternen flackern seit Tagen'])[1 + r.what]
           || coalesce(' ' || (ARRAY['am Rathaus', 'vor der Grundschule', 'beim Wasserturm', 'am Stadtpark', 'hinter dem Hallenbad',
              'an der Bushaltestelle', 'neben der Stadtbibliothek', 'am Friedhof', 'vor dem Kindergarten', 'an der Feuerwache',
              'am Bahnübergang', 'beim Jugendzentrum', 'an der Kläranlage', 'am Wochenmarkt', 'vor der Sparkasse',
              'am Sportplatz', 'beim Seniorenheim', 'an der Tankstelle', 'am Krankenhaus', 'vor dem Museum',
              'am Hafen', 'an der Brücke', 'beim Schwimmbad', 'am Busbahnhof', 'vor dem Theater',
              'an der Kirche', 'am Denkmal', 'beim Gymnasium', 'am Parkhaus', 'vor der Post',
              'am Deich', 'an der Mühle', 'beim Schloss', 'am Marktbrunnen', 'vor dem Rathauskeller',
              'am Stadion', 'an der Uferpromenade', 'beim Tierheim', 'am Recyclinghof', 'vor der Polizeiwache'])[r.landmark], '')
           || ' (Meldung ' || r.g || ')',
       ST_SetSRID(ST_MakePoint(
           CASE WHEN r.scattered THEN 5.9 + random() * 9.1 ELSE c.lon + r.dlon END,
           CASE WHEN r.scattered THEN 47.3 + random() * 7.7 ELSE c.lat + r.dlat END), 4326)::geography,
       (ARRAY['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Dorfstraße', 'Bergstraße',
              'Lindenallee', 'Marktplatz', 'Kirchweg', 'Am Sportplatz'])[1 + r.street] || ' ' || r.house,
       ARRAY[]::text[],
       '{}'::jsonb
FROM rows r JOIN cities c ON c.n = r.city;
