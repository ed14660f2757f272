module example.com/measure/sync-map-range

go 1.19
