module example.com/measure/sync-cond-signal

go 1.19
