module example.com/measure/heap-composite

go 1.19
