module example.com/measure/sync-pool-put

go 1.19
