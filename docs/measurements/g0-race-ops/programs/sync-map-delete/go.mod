module example.com/measure/sync-map-delete

go 1.19
