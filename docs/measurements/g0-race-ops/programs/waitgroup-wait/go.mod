module example.com/measure/waitgroup-wait

go 1.19
