module example.com/measure/sync-map-loadorstore

go 1.19
