module example.com/measure/eight-defers

go 1.19
