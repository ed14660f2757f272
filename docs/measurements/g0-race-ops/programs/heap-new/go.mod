module example.com/measure/heap-new

go 1.19
