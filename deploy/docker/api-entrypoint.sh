#!/bin/sh
# Bring the database up to date and load the catalogue, then serve. Both steps are run on
# every start so a fresh `docker compose up` needs nothing else; with several API replicas,
# run them once as a separate job instead.
set -e
cd /app
dotnet Open311Gateway.Api.dll migrate
dotnet Open311Gateway.Api.dll import-catalog /app/catalog/musterstadt.yaml
exec dotnet Open311Gateway.Api.dll "$@"
