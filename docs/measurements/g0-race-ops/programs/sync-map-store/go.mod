module example.com/measure/sync-map-store

go 1.19
