module example.com/measure/defer-in-loop

go 1.19
