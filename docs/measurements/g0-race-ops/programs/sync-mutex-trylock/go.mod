module example.com/measure/sync-mutex-trylock

go 1.19
