module example.com/measure/atomic-int64-add

go 1.19
