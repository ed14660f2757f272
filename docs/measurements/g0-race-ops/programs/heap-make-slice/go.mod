module example.com/measure/heap-make-slice

go 1.19
