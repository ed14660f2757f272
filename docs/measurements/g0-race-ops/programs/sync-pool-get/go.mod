module example.com/measure/sync-pool-get

go 1.19
