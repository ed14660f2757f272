module example.com/measure/sync-cond-broadcast

go 1.19
