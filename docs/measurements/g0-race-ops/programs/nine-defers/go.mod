module example.com/measure/nine-defers

go 1.19
