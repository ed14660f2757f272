module example.com/measure/sync-map-load

go 1.19
